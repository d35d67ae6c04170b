using System.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Messaging.Outbox;

internal sealed class EfOutbox<TDbContext>(TDbContext db, TimeProvider clock) : IOutbox where TDbContext : DbContext
{
    public Guid Enqueue(IMessage @event, string orderingKey, string? subject)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentException.ThrowIfNullOrEmpty(orderingKey);

        // Version 7 ids sort by creation time, which keeps the primary-key index append-only.
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var current = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity : null;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id,
            Topic = Topics.Of(@event.Descriptor),
            Type = @event.Descriptor.FullName,
            OrderingKey = orderingKey,
            Subject = subject,
            Payload = @event.ToByteArray(),
            CreatedAt = clock.GetUtcNow(),
            TraceParent = current?.Id,
            TraceState = current?.TraceStateString,
        });
        return id;
    }
}
