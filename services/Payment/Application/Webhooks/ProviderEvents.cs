using EventPlatform.ServiceDefaults.Hosting;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Payment.Application.Webhooks;

/// <summary>
/// The provider's webhooks as triggers. Receiving one only records its event id (one statement, so the provider gets
/// its answer at once and a redelivery is recognised); acting on it reads the payment or refund it names from the
/// provider and applies that, which is why a duplicate, a late or an out-of-order event cannot move anything backwards.
/// </summary>
public sealed class ProviderEvents(
    PaymentDbContext db, PaymentIntentCommands intents, RefundCommands refunds, WorkSignal<ProviderWork> work, TimeProvider clock,
    ILogger<ProviderEvents> logger)
{
    /// <summary>The event types acted on; others are acknowledged and forgotten.</summary>
    public static bool IsActedOn(string type) =>
        type.StartsWith("payment_intent.", StringComparison.Ordinal) || type.StartsWith("refund.", StringComparison.Ordinal);

    /// <summary>Returns false when the event was already received.</summary>
    public async Task<bool> ReceiveAsync(string provider, ProviderNotification notification, CancellationToken cancellationToken)
    {
        var isNew = await db.RecordProviderEventAsync(
            ProviderEvent.Received(provider, notification.EventId, notification.Type, notification.ObjectId, clock.GetUtcNow()), cancellationToken);
        if (isNew)
        {
            work.Notify();
        }

        return isNew;
    }

    /// <summary>The oldest events not acted on yet.</summary>
    public Task<List<string>> UnprocessedAsync(int max, CancellationToken cancellationToken) =>
        db.ProviderEvents.AsNoTracking().Where(e => e.ProcessTime == null).OrderBy(e => e.ReceiveTime).Select(e => e.Id).Take(max)
            .ToListAsync(cancellationToken);

    /// <summary>Acts on one event: the object is read and applied, then the event is marked done (redone if this dies between).</summary>
    public async Task ProcessAsync(string eventId, CancellationToken cancellationToken)
    {
        var e = await db.ProviderEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is not { ProcessTime: null })
        {
            return;
        }

        try
        {
            if (e.Type.StartsWith("payment_intent.", StringComparison.Ordinal))
            {
                await intents.SyncAsync(e.ObjectId, cancellationToken);
            }
            else if (e.Type.StartsWith("refund.", StringComparison.Ordinal))
            {
                await refunds.SyncAsync(e.ObjectId, cancellationToken);
            }
        }
        catch (ProviderRejectedException rejected)
        {
            // The provider does not know the object (another account's, or deleted): nothing of ours to change.
            logger.LogWarning("Provider event {EventId} names {ObjectId}, which the provider refuses to show: {Reason}", e.Id, e.ObjectId, rejected.Message);
        }

        await db.ProviderEvents.Where(x => x.Id == eventId && x.ProcessTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ProcessTime, clock.GetUtcNow()), cancellationToken);
    }
}
