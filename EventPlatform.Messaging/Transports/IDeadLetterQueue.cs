using EventPlatform.Messaging.DeadLetters;

namespace EventPlatform.Messaging.Transports;

/// <summary>A transport's dead-letter destination per topic (<c>&lt;topic&gt;.dead-letter</c>), shared by every consumer group.</summary>
internal interface IDeadLetterQueue
{
    /// <param name="topic">The physical topic whose dead letters to list.</param>
    /// <param name="consumerGroup">Only those this group gave up on; null for all.</param>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string? consumerGroup, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Puts up to <paramref name="max"/> of the group's dead letters back on their topic (same CloudEvents id, so every
    /// group that handled it before still ignores it) and removes them from the dead-letter destination.
    /// </summary>
    Task<int> ReplayAsync(string topic, string consumerGroup, int max, CancellationToken cancellationToken);
}
