using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Application.Issuing;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Messaging.Handling;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Billing.Application.Handlers;

/// <summary>Money paid back gets a credit note against the payment's invoice, for exactly the refunded amount.</summary>
public sealed class RefundCompletedHandler(DocumentIssuing issuing) : IIntegrationEventHandler<Proto.RefundCompleted>
{
    public async Task HandleAsync(Proto.RefundCompleted message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var credit = new RefundCredit(
            Guid.Parse(message.PaymentIntentId), Guid.Parse(message.RefundId), new Money(message.Amount.AmountMinor, message.Amount.Currency),
            CauseOf(message.Reason));
        // Payment publishes a refund after its payment, in order on one key; an invoice still missing means its issue
        // failed and is being retried: this waits for it the same way.
        _ = await issuing.IssueRefundCreditNoteAsync(credit, cancellationToken)
            ?? throw new InvalidOperationException($"Payment {message.PaymentIntentId} has no invoice yet; the credit note of refund {message.RefundId} waits for it.");
    }

    private static RefundCause CauseOf(Proto.RefundReason reason) => reason switch
    {
        Proto.RefundReason.AttendeeCancelled => RefundCause.AttendeeCancelled,
        Proto.RefundReason.OrganizerCancelled => RefundCause.OrganizerCancelled,
        Proto.RefundReason.EventCancelled => RefundCause.EventCancelled,
        Proto.RefundReason.LatePayment => RefundCause.LatePayment,
        _ => RefundCause.OrganizerDecision,
    };
}
