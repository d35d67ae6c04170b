using EventPlatform.Messaging.Outbox;
using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Registration.Application;

/// <summary>Enqueues the integration events telling what just happened to a registration, in its transaction.</summary>
public sealed class RegistrationEvents(IOutbox outbox, RegistrationDbContext db)
{
    public async Task RequestedAsync(Domain.Registrations.Registration r, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(r, cancellationToken);
        Enqueue(new Proto.RegistrationRequested { EventId = contract.EventId, Registration = contract }, r);
        await OutcomeAsync(r, contract);
    }

    public async Task ApprovedAsync(Domain.Registrations.Registration r, CancellationToken cancellationToken)
    {
        var contract = await ContractAsync(r, cancellationToken);
        Enqueue(new Proto.RegistrationApproved { EventId = contract.EventId, Registration = contract }, r);
        await OutcomeAsync(r, contract);
    }

    public void Rejected(Domain.Registrations.Registration r, bool seatReleased) =>
        Enqueue(new Proto.RegistrationRejected { EventId = r.EventId.ToString(), Registration = r.ToContract(), SeatReleased = seatReleased }, r);

    public void Cancelled(Domain.Registrations.Registration r, RegistrationStatus previous, bool seatReleased) =>
        Enqueue(new Proto.RegistrationCancelled
        {
            EventId = r.EventId.ToString(),
            Registration = r.ToContract(),
            PreviousStatus = RegistrationContract.ToContract(previous),
            SeatReleased = seatReleased,
        }, r);

    public void Expired(Domain.Registrations.Registration r) =>
        Enqueue(new Proto.RegistrationExpired { EventId = r.EventId.ToString(), Registration = r.ToContract() }, r);

    public Task PromotedAsync(Domain.Registrations.Registration r)
    {
        var contract = r.ToContract();
        Enqueue(new Proto.PromotedFromWaitlist { EventId = contract.EventId, Registration = contract }, r);
        return OutcomeAsync(r, contract);
    }

    /// <summary>Where a waitlisted registration stands now: 1 = next in line.</summary>
    public async Task<int> WaitlistPositionAsync(Domain.Registrations.Registration r, CancellationToken cancellationToken) =>
        r is { Status: RegistrationStatus.Waitlisted, WaitlistTicket: { } ticket }
            ? 1 + await db.Registrations.CountAsync(
                o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waitlisted && o.WaitlistTicket < ticket, cancellationToken)
            : 0;

    private async Task<Proto.Registration> ContractAsync(Domain.Registrations.Registration r, CancellationToken cancellationToken) =>
        r.ToContract(await WaitlistPositionAsync(r, cancellationToken));

    private Task OutcomeAsync(Domain.Registrations.Registration r, Proto.Registration contract)
    {
        switch (r.Status)
        {
            case RegistrationStatus.Confirmed:
                Enqueue(new Proto.RegistrationConfirmed { EventId = contract.EventId, Registration = contract }, r);
                break;
            case RegistrationStatus.Waitlisted:
                Enqueue(new Proto.Waitlisted { EventId = contract.EventId, Registration = contract }, r);
                break;
        }

        return Task.CompletedTask;
    }

    private void Enqueue(Google.Protobuf.IMessage @event, Domain.Registrations.Registration r) =>
        outbox.Enqueue(@event, r.EventId.ToString(), r.Id.ToString());
}
