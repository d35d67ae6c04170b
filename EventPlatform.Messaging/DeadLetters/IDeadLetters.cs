namespace EventPlatform.Messaging.DeadLetters;

/// <summary>The service's own dead letters: what its handlers gave up on, and a way to try them again once fixed.</summary>
public interface IDeadLetters
{
    /// <param name="topic">A topic the service consumes, e.g. "registration.events".</param>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, int max = 100, CancellationToken cancellationToken = default);

    /// <summary>Puts up to <paramref name="max"/> of them back on the topic and returns how many.</summary>
    Task<int> ReplayAsync(string topic, int max = 100, CancellationToken cancellationToken = default);
}
