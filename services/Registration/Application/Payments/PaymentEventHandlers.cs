using EventPlatform.Messaging.Handling;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Registrations.Application.Payments;

/// <summary>
/// What payment's outcomes mean for a registration, each applied once (the bus's inbox) in the bus's transaction,
/// under the event's seat row lock then the registration's — the order every seat-changing transaction takes.
/// </summary>
public sealed class PaymentEventHandlers(
    CommandPipeline<RegistrationDbContext> pipeline, ISeatLedger ledger, SeatAllocator seats, ISeatGate gate, Waitlist waitlist,
    SessionChoices sessions, IPayments payments, TimeProvider clock)
    : IIntegrationEventHandler<Proto.PaymentSucceeded>, IIntegrationEventHandler<Proto.PaymentFailed>, IIntegrationEventHandler<Proto.RefundCompleted>
{
    /// <summary>
    /// Confirms the held seat. Money that arrived after the hold lapsed confirms if a seat is still free, and is
    /// refunded otherwise; money for a registration that was cancelled meanwhile is refunded.
    /// </summary>
    public Task HandleAsync(Proto.PaymentSucceeded message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (command, token) =>
        {
            var registration = await LockAsync(message.EventId, message.RegistrationId, token);
            if (registration is null)
            {
                return;
            }

            var now = clock.GetUtcNow();
            switch (registration.Status)
            {
                case RegistrationStatus.Pending:
                    registration.ConfirmPayment(now);
                    await sessions.ApplyRequestedAsync(registration, token);
                    break;
                case RegistrationStatus.Expired:
                    var seatTaken = await seats.TryTakeAsync(registration.EventId, command, token);
                    if (registration.AcceptLatePayment(seatTaken, now))
                    {
                        await sessions.ApplyRequestedAsync(registration, token);
                    }
                    else
                    {
                        await payments.RefundLatePaymentAsync(registration.Id, registration.StatusReason, token);
                    }

                    break;
                case RegistrationStatus.Cancelled or RegistrationStatus.Rejected:
                    await payments.RefundLatePaymentAsync(
                        registration.Id, $"The payment arrived after the registration was {registration.Status.ToString().ToLowerInvariant()}.", token);
                    break;
            }
        }, cancellationToken);

    /// <summary>The payment failed for good: the held seat goes to the next in line now, not when the hold would have lapsed.</summary>
    public Task HandleAsync(Proto.PaymentFailed message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (command, token) =>
        {
            var registration = await LockAsync(message.EventId, message.RegistrationId, token);
            var reason = string.IsNullOrWhiteSpace(message.FailureMessage) ? "The payment failed." : $"The payment failed: {message.FailureMessage}";
            if (registration is null || !registration.FailPayment(reason, clock.GetUtcNow()))
            {
                return;
            }

            var policy = await pipeline.Db.CapacityPolicies.SingleAsync(p => p.EventId == registration.EventId, token);
            if (await waitlist.PassFreedSeatAsync(policy, token))
            {
                command.AfterCommit(() => gate.GiveBackAsync(registration.EventId));
            }
        }, cancellationToken);

    public Task HandleAsync(Proto.RefundCompleted message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var registration = await pipeline.Db.LockRegistrationAsync(Guid.Parse(message.RegistrationId), token);
            registration?.RefundCompleted(message.Amount.AmountMinor, clock.GetUtcNow());
        }, cancellationToken);

    private async Task<Registration?> LockAsync(string eventId, string registrationId, CancellationToken cancellationToken)
    {
        await ledger.LockAsync(Guid.Parse(eventId), cancellationToken);
        return await pipeline.Db.LockRegistrationAsync(Guid.Parse(registrationId), cancellationToken);
    }
}
