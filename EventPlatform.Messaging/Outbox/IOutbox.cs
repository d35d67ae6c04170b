using Google.Protobuf;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// Publishes integration events transactionally: an enqueued event is a row added to the service's DbContext, written
/// by the caller's SaveChanges (inside the caller's transaction, if any) and published by the relay after commit.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds the event to the DbContext; returns its id (the CloudEvents id every consumer deduplicates on).</summary>
    /// <param name="event">A message of an <c>events.proto</c>; its package names the topic.</param>
    /// <param name="orderingKey">Events with the same key are delivered in enqueue order: the catalog event's id.</param>
    /// <param name="subject">What the event is about inside the source, e.g. the registration id.</param>
    Guid Enqueue(IMessage @event, string orderingKey, string? subject);
}

public static class OutboxExtensions
{
    /// <summary>Enqueues with the contracts' ordering key: the catalog event id in <c>event_id</c> or <c>event.id</c>.</summary>
    public static Guid Enqueue(this IOutbox outbox, IMessage @event, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return outbox.Enqueue(@event, Envelope.OrderingKeys.Of(@event), subject);
    }
}
