using EventPlatform.Contracts.Payment.V1;
using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Registrations;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventPlatform.Registrations.Infrastructure;

/// <summary>Payment's internal API. Both calls are idempotent, so a retry after a lost answer changes nothing.</summary>
internal sealed class PaymentsClient(PaymentInternalService.PaymentInternalServiceClient payment) : IPayments
{
    public Task OpenAsync(Registration registration, CapacityPolicy policy, CancellationToken cancellationToken) =>
        CallAsync(() => payment.OpenPaymentIntentAsync(
            new OpenPaymentIntentRequest
            {
                RegistrationId = registration.Id.ToString(),
                EventId = registration.EventId.ToString(),
                OrganizerId = policy.OrganizerId,
                AttendeeId = registration.Attendee.Subject,
                AttendeeEmail = registration.Attendee.Email,
                Amount = new Contracts.Common.V1.Money { AmountMinor = registration.Price!.AmountMinor, Currency = registration.Price.Currency },
                ExpireTime = Timestamp.FromDateTimeOffset(registration.HoldDeadline!.Value),
            },
            cancellationToken: cancellationToken).ResponseAsync);

    public Task RefundLatePaymentAsync(Guid registrationId, string note, CancellationToken cancellationToken) =>
        CallAsync(() => payment.RefundPaymentAsync(
            new RefundPaymentRequest
            {
                RequestId = $"late-payment:{registrationId}",
                RegistrationId = registrationId.ToString(),
                Reason = RefundReason.LatePayment,
                Note = note,
            },
            cancellationToken: cancellationToken).ResponseAsync);

    private static async Task CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            throw new UnavailableException($"Payment cannot answer now ({e.StatusCode}).", e);
        }
    }
}
