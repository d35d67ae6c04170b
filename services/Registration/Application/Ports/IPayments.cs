using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Registrations;

namespace EventPlatform.Registrations.Application.Ports;

/// <summary>Payment, as registration needs it: to record what a Pending registration owes, and to give back money it cannot keep.</summary>
public interface IPayments
{
    /// <summary>Records what the registration owes by its payment deadline; idempotent per registration.</summary>
    Task OpenAsync(Registration registration, CapacityPolicy policy, CancellationToken cancellationToken);

    /// <summary>Refunds in full a payment that arrived when the registration could no longer take it; idempotent per registration.</summary>
    Task RefundLatePaymentAsync(Guid registrationId, string note, CancellationToken cancellationToken);
}
