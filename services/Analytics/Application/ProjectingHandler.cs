using EventPlatform.Analytics.Domain.Facts;
using EventPlatform.Analytics.Infrastructure;
using EventPlatform.Messaging.Handling;
using Google.Protobuf;

namespace EventPlatform.Analytics.Application;

/// <summary>
/// Every followed event is written to analytics' journal (what a rebuild replays) and applied to the facts, in the
/// bus's transaction with its inbox record: once, whatever the redeliveries.
/// </summary>
public sealed class ProjectingHandler<T>(AnalyticsDbContext db, Projector projector, TimeProvider clock) : IIntegrationEventHandler<T>
    where T : class, IMessage<T>
{
    public async Task HandleAsync(T message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        if (await db.Journal.FindAsync([context.MessageId], cancellationToken) is not null)
        {
            return;
        }

        db.Journal.Add(new JournalEntry(context.MessageId, message.Descriptor.FullName, message.ToByteArray(), clock.GetUtcNow()));
        await projector.ApplyAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
