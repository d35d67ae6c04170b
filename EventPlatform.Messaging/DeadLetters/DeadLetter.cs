namespace EventPlatform.Messaging.DeadLetters;

/// <summary>A message a consumer group gave up on, and why.</summary>
/// <param name="Position">Where it sits in the dead-letter destination (stream entry id, or partition@offset).</param>
/// <param name="MessageId">Its CloudEvents id, when it had one.</param>
/// <param name="Type">Its CloudEvents type, when it had one.</param>
public sealed record DeadLetter(
    string Position,
    string Topic,
    string? MessageId,
    string? Type,
    string Reason,
    string ConsumerGroup,
    int Attempts,
    DateTimeOffset? DeadLetteredAt);
