using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Payment.Application;

/// <summary>The contract's view of payment intents and refunds.</summary>
public static class PaymentContract
{
    /// <param name="checkoutUrl">For the paying attendee only: what pays is never shown to anyone else.</param>
    public static Proto.PaymentIntent ToContract(this PaymentIntent i, string? checkoutUrl)
    {
        var forPayer = checkoutUrl is not null;
        var contract = new Proto.PaymentIntent
        {
            Id = i.Id.ToString(),
            RegistrationId = i.RegistrationId.ToString(),
            EventId = i.EventId.ToString(),
            OrganizerId = i.OrganizerId,
            AttendeeId = i.AttendeeId,
            Amount = PaymentIntegrationEvents.ToContract(i.Amount),
            Description = i.Description,
            Status = ToContract(i.Status),
            Provider = i.Provider ?? "",
            ProviderPaymentId = i.ProviderPaymentId ?? "",
            ClientSecret = forPayer && i.IsOpen ? i.ClientSecret ?? "" : "",
            CheckoutUrl = forPayer && i.IsOpen ? checkoutUrl : "",
            NextActionUrl = forPayer && i.IsOpen ? i.NextActionUrl ?? "" : "",
            ExpireTime = Timestamp.FromDateTimeOffset(i.ExpireTime),
            FailureCode = i.FailureCode ?? "",
            FailureMessage = i.FailureMessage ?? "",
            DeclinedAttemptCount = i.DeclinedAttempts,
            CreateTime = Timestamp.FromDateTimeOffset(i.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(i.UpdateTime),
            Charges =
            {
                i.Charges.OrderBy(c => c.CreateTime).Select(c => new Proto.Charge
                {
                    Id = c.Id.ToString(),
                    ProviderChargeId = c.ProviderChargeId,
                    Amount = PaymentIntegrationEvents.ToContract(i.Amount),
                    Status = c.Succeeded ? Proto.ChargeStatus.Succeeded : Proto.ChargeStatus.Failed,
                    PaymentMethod = c.PaymentMethod,
                    FailureCode = c.FailureCode ?? "",
                    FailureMessage = c.FailureMessage ?? "",
                    CreateTime = Timestamp.FromDateTimeOffset(c.CreateTime),
                }),
            },
        };
        if (i.RefundedMinor > 0)
        {
            contract.RefundedAmount = PaymentIntegrationEvents.ToContract(i.Amount.With(i.RefundedMinor));
        }

        if (i.SucceedTime is { } succeeded)
        {
            contract.SucceedTime = Timestamp.FromDateTimeOffset(succeeded);
        }

        return contract;
    }

    public static Proto.Refund ToContract(this Refund r)
    {
        var contract = new Proto.Refund
        {
            Id = r.Id.ToString(),
            PaymentIntentId = r.PaymentIntentId.ToString(),
            RegistrationId = r.RegistrationId.ToString(),
            EventId = r.EventId.ToString(),
            OrganizerId = r.OrganizerId,
            Amount = PaymentIntegrationEvents.ToContract(r.Amount),
            Reason = ToContract(r.Reason),
            Note = r.Note,
            Status = r.Status switch
            {
                RefundStatus.Pending => Proto.RefundStatus.Pending,
                RefundStatus.Succeeded => Proto.RefundStatus.Succeeded,
                _ => Proto.RefundStatus.Failed,
            },
            ProviderRefundId = r.ProviderRefundId ?? "",
            FailureMessage = r.FailureMessage ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(r.CreateTime),
        };
        if (r.CompleteTime is { } completed)
        {
            contract.CompleteTime = Timestamp.FromDateTimeOffset(completed);
        }

        return contract;
    }

    public static Proto.PaymentIntentStatus ToContract(PaymentIntentStatus status) => status switch
    {
        PaymentIntentStatus.RequiresPayment => Proto.PaymentIntentStatus.RequiresPayment,
        PaymentIntentStatus.Processing => Proto.PaymentIntentStatus.Processing,
        PaymentIntentStatus.Succeeded => Proto.PaymentIntentStatus.Succeeded,
        PaymentIntentStatus.Failed => Proto.PaymentIntentStatus.Failed,
        PaymentIntentStatus.Cancelled => Proto.PaymentIntentStatus.Cancelled,
        _ => Proto.PaymentIntentStatus.Unspecified,
    };

    public static PaymentIntentStatus? ToDomain(Proto.PaymentIntentStatus status) => status switch
    {
        Proto.PaymentIntentStatus.RequiresPayment => PaymentIntentStatus.RequiresPayment,
        Proto.PaymentIntentStatus.Processing => PaymentIntentStatus.Processing,
        Proto.PaymentIntentStatus.Succeeded => PaymentIntentStatus.Succeeded,
        Proto.PaymentIntentStatus.Failed => PaymentIntentStatus.Failed,
        Proto.PaymentIntentStatus.Cancelled => PaymentIntentStatus.Cancelled,
        _ => null,
    };

    public static Proto.RefundReason ToContract(RefundReason reason) => reason switch
    {
        RefundReason.AttendeeCancelled => Proto.RefundReason.AttendeeCancelled,
        RefundReason.OrganizerCancelled => Proto.RefundReason.OrganizerCancelled,
        RefundReason.EventCancelled => Proto.RefundReason.EventCancelled,
        RefundReason.LatePayment => Proto.RefundReason.LatePayment,
        RefundReason.OrganizerDecision => Proto.RefundReason.OrganizerDecision,
        _ => Proto.RefundReason.Unspecified,
    };

    public static RefundReason? ToDomain(Proto.RefundReason reason) => reason switch
    {
        Proto.RefundReason.AttendeeCancelled => RefundReason.AttendeeCancelled,
        Proto.RefundReason.OrganizerCancelled => RefundReason.OrganizerCancelled,
        Proto.RefundReason.EventCancelled => RefundReason.EventCancelled,
        Proto.RefundReason.LatePayment => RefundReason.LatePayment,
        Proto.RefundReason.OrganizerDecision => RefundReason.OrganizerDecision,
        _ => null,
    };
}
