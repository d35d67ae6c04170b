using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.ServiceDefaults.Commands;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Payment.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Payment.Application;

/// <summary>
/// What payment tells other services, keyed by the catalog event (everything about one event stays in order) with the
/// registration as subject. Flat fields: the intent's client secret never travels on the bus.
/// </summary>
public sealed class PaymentIntegrationEvents : IIntegrationEventMapper
{
    public Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(domainEvents.Select(Map).OfType<OutgoingEvent>().ToList());

    private static OutgoingEvent? Map(IDomainEvent domainEvent) => domainEvent switch
    {
        PaymentSucceeded e => Of(e.Intent.EventId, e.Intent.RegistrationId, new Proto.PaymentSucceeded
        {
            EventId = e.Intent.EventId.ToString(),
            PaymentIntentId = e.Intent.Id.ToString(),
            RegistrationId = e.Intent.RegistrationId.ToString(),
            OrganizerId = e.Intent.OrganizerId,
            AttendeeId = e.Intent.AttendeeId,
            Amount = ToContract(e.Intent.Amount),
            Provider = e.Intent.Provider ?? "",
            ProviderChargeId = e.Charge.ProviderChargeId,
            ChargeId = e.Charge.Id.ToString(),
            PaymentMethod = e.Charge.PaymentMethod,
            SucceedTime = Timestamp.FromDateTimeOffset(e.Intent.SucceedTime ?? e.Charge.CreateTime),
        }),
        PaymentFailed e => Of(e.Intent.EventId, e.Intent.RegistrationId, new Proto.PaymentFailed
        {
            EventId = e.Intent.EventId.ToString(),
            PaymentIntentId = e.Intent.Id.ToString(),
            RegistrationId = e.Intent.RegistrationId.ToString(),
            OrganizerId = e.Intent.OrganizerId,
            AttendeeId = e.Intent.AttendeeId,
            Amount = ToContract(e.Intent.Amount),
            FailureCode = e.Intent.FailureCode ?? "",
            FailureMessage = e.Intent.FailureMessage ?? "",
            AttemptCount = e.Intent.DeclinedAttempts,
            FailTime = Timestamp.FromDateTimeOffset(e.Intent.UpdateTime),
        }),
        RefundCompleted e => Of(e.Refund.EventId, e.Refund.RegistrationId, new Proto.RefundCompleted
        {
            EventId = e.Refund.EventId.ToString(),
            RefundId = e.Refund.Id.ToString(),
            PaymentIntentId = e.Refund.PaymentIntentId.ToString(),
            RegistrationId = e.Refund.RegistrationId.ToString(),
            OrganizerId = e.Refund.OrganizerId,
            AttendeeId = e.Refund.AttendeeId,
            Amount = ToContract(e.Refund.Amount),
            Reason = PaymentContract.ToContract(e.Refund.Reason),
            ProviderRefundId = e.Refund.ProviderRefundId ?? "",
            FullRefund = e.Refund.FullRefund,
            CompleteTime = Timestamp.FromDateTimeOffset(e.Refund.CompleteTime ?? e.Refund.CreateTime),
        }),
        _ => null,
    };

    public static ProtoCommon.Money ToContract(Money money) => new() { AmountMinor = money.AmountMinor, Currency = money.Currency };

    private static OutgoingEvent Of(Guid eventId, Guid registrationId, IMessage message) => new(message, eventId.ToString(), registrationId.ToString());
}
