namespace EventPlatform.Messaging.Inbox;

/// <summary>
/// The record that a consumer (one handler of one service) has applied an event. It is inserted in the handler's own
/// transaction, so "handled" and the handler's effects are committed together or not at all.
/// </summary>
internal sealed class InboxMessage
{
    public required string Consumer { get; init; }

    public required string MessageId { get; init; }

    public required string MessageType { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}
