using EventPlatform.Messaging.Handling;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.Payment.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Payment.Application.Handlers;

/// <summary>
/// A cancelled registration owes nothing more: an unpaid intent is stopped, a paid one refunded by the amount
/// registration computed from the event's refund terms — once per payment, shared with the event's cancellation.
/// </summary>
public sealed class RegistrationCancelledHandler(PaymentDbContext db, PaymentIntentCommands intents, RefundCommands refunds)
    : IIntegrationEventHandler<Proto.RegistrationCancelled>
{
    public async Task HandleAsync(Proto.RegistrationCancelled message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = PaymentIntentId.OfRegistration(Guid.Parse(message.Registration.Id));
        var status = await db.PaymentIntents.AsNoTracking().Where(i => i.Id == id).Select(i => (PaymentIntentStatus?)i.Status)
            .SingleOrDefaultAsync(cancellationToken);
        switch (status)
        {
            case PaymentIntentStatus.RequiresPayment or PaymentIntentStatus.Processing:
                await intents.CancelAsync(id, "The registration was cancelled.", cancellationToken);
                break;
            case PaymentIntentStatus.Succeeded when message.RefundAmount is { AmountMinor: > 0 } amount:
                var reason = message.Registration.CancellationCause switch
                {
                    Proto.CancellationCause.Organizer => RefundReason.OrganizerCancelled,
                    Proto.CancellationCause.EventCancelled => RefundReason.EventCancelled,
                    _ => RefundReason.AttendeeCancelled,
                };
                await refunds.RefundCancellationAsync(id, amount.AmountMinor, reason, message.Registration.StatusReason, cancellationToken);
                break;
        }
    }
}
