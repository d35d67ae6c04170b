using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging.Handling;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.Payment.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Application.Handlers;

/// <summary>
/// Keeps what payment knows of each event (whose it is, its title) and, when an event is cancelled, refunds every
/// payment for it in full and stops every unpaid one — in the bus's transaction, so once.
/// </summary>
public sealed class CatalogEventHandlers(PaymentDbContext db, PaymentIntentCommands intents, RefundCommands refunds)
    : IIntegrationEventHandler<EventPublished>, IIntegrationEventHandler<EventUpdated>, IIntegrationEventHandler<EventCancelled>
{
    public Task HandleAsync(EventPublished message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventUpdated message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public async Task HandleAsync(EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await ProjectAsync(message.Event, cancellationToken);
        var eventId = Guid.Parse(message.Event.Id);
        var affected = await db.PaymentIntents.AsNoTracking()
            .Where(i => i.EventId == eventId && i.Status != PaymentIntentStatus.Failed && i.Status != PaymentIntentStatus.Cancelled)
            .Select(i => new { i.Id, i.Status }).ToListAsync(cancellationToken);
        var note = string.IsNullOrWhiteSpace(message.Reason) ? "The event was cancelled." : message.Reason;
        foreach (var intent in affected)
        {
            if (intent.Status == PaymentIntentStatus.Succeeded)
            {
                await refunds.RefundCancellationAsync(intent.Id, amountMinor: null, RefundReason.EventCancelled, note, cancellationToken);
            }
            else
            {
                await intents.CancelAsync(intent.Id, "The event was cancelled.", cancellationToken);
            }
        }
    }

    private async Task ProjectAsync(Event e, CancellationToken cancellationToken)
    {
        var eventId = Guid.Parse(e.Id);
        var cancelled = e.Status == EventStatus.Cancelled;
        if (await db.EventDetails.FindAsync([eventId], cancellationToken) is { } known)
        {
            known.Update(e.OrganizerId, e.OwnerId, e.Title, cancelled);
        }
        else
        {
            db.EventDetails.Add(Domain.Events.EventDetails.Of(eventId, e.OrganizerId, e.OwnerId, e.Title, cancelled));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
