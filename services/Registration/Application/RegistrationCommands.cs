using EventPlatform.Domain;
using EventPlatform.Registration.Application.Sessions;
using EventPlatform.Registration.Domain.Policies;
using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Registration.Application;

public sealed record RegisterCommand(
    string RequestId, Guid EventId, string AttendeeSubject, Attendee Attendee, IReadOnlyList<string> SessionIds, string? NoteToOrganizer);

/// <summary>
/// Register, approve, reject and cancel. Each runs in one PostgreSQL transaction holding the registration row, the
/// seat ledger change and the outgoing events; Redis is told only after that transaction's outcome is known.
/// </summary>
public sealed class RegistrationCommands(
    RegistrationDbContext db,
    UnitOfWork unitOfWork,
    Policies policies,
    SeatAllocator seats,
    SeatLedger ledger,
    RedisSeatGate gate,
    Waitlist waitlist,
    RegistrationEvents events,
    RegistrationAccess access,
    SessionChoices sessions,
    TimeProvider clock)
{
    public async Task<Domain.Registrations.Registration> RegisterAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        if (await SameRequestAsync(command, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var policy = await policies.GetAsync(command.EventId, cancellationToken);
        var now = clock.GetUtcNow();
        BusinessRule.Check(new EventMustBeOpenForRegistrationRule(policy));
        BusinessRule.Check(new RegistrationWindowMustBeOpenRule(policy, now));
        await MustHaveNoActiveRegistrationAsync(command, cancellationToken);
        var requestedSessions = await sessions.CheckRequestedAsync(policy.EventId, command.SessionIds, cancellationToken);

        var seatTaken = false;
        try
        {
            return await unitOfWork.RunAsync(async () =>
            {
                seatTaken = await seats.TryTakeAsync(policy.EventId, cancellationToken);
                long? ticket = !seatTaken && Domain.Registrations.Registration.MayBeWaitlisted(policy)
                    ? await ledger.NextWaitlistTicketAsync(cancellationToken)
                    : null;
                var registration = Domain.Registrations.Registration.Request(
                    Guid.CreateVersion7(now), command.RequestId, command.Attendee, policy, command.SessionIds, command.NoteToOrganizer,
                    seatTaken, ticket, now);
                db.Registrations.Add(registration);
                await sessions.RecordAsync(requestedSessions, cancellationToken);
                await sessions.ApplyRequestedAsync(registration, cancellationToken);
                await events.RequestedAsync(registration, cancellationToken);
                return registration;
            }, cancellationToken);
        }
        catch (Exception e)
        {
            if (seatTaken)
            {
                await gate.GiveBackAsync(command.EventId);
            }

            db.ChangeTracker.Clear();
            if (e is DbUpdateException update && update.IsUniqueViolation())
            {
                // A concurrent retry of the same request, or of the same attendee, won the race.
                return await SameRequestAsync(command, cancellationToken)
                    ?? throw AlreadyRegistered(command);
            }

            throw;
        }
    }

    public async Task<Domain.Registrations.Registration> ApproveAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var seatTaken = false;
        try
        {
            return await unitOfWork.RunAsync(async () =>
            {
                var (registration, policy) = await LockForOrganizerAsync(id, caller, cancellationToken);
                if (registration.ApproveTime is not null)
                {
                    return registration;
                }

                var now = clock.GetUtcNow();
                seatTaken = !registration.HoldsSeat && await seats.TryTakeAsync(policy.EventId, cancellationToken);
                long? ticket = !registration.HoldsSeat && !seatTaken && policy.WaitlistEnabled
                    ? await ledger.NextWaitlistTicketAsync(cancellationToken)
                    : null;
                registration.Approve(policy, seatTaken, ticket, now);
                await sessions.ApplyRequestedAsync(registration, cancellationToken);
                await events.ApprovedAsync(registration, cancellationToken);
                return registration;
            }, cancellationToken);
        }
        catch when (seatTaken)
        {
            await gate.GiveBackAsync(await EventOfAsync(id, cancellationToken));
            throw;
        }
    }

    public async Task<Domain.Registrations.Registration> RejectAsync(Guid id, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var returned = false;
        var registration = await unitOfWork.RunAsync(async () =>
        {
            var (registration, policy) = await LockForOrganizerAsync(id, caller, cancellationToken);
            var released = registration.Reject(reason, clock.GetUtcNow());
            if (released)
            {
                returned = await waitlist.PassFreedSeatAsync(policy, cancellationToken);
            }

            events.Rejected(registration, released);
            return registration;
        }, cancellationToken);
        await SeatReturnedAsync(registration.EventId, returned);
        return registration;
    }

    public async Task<Domain.Registrations.Registration> CancelAsync(
        Guid id, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var returned = false;
        var registration = await unitOfWork.RunAsync(async () =>
        {
            var registration = await LockAsync(id, cancellationToken);
            var policy = await db.CapacityPolicies.SingleAsync(p => p.EventId == registration.EventId, cancellationToken);
            var cause = access.CancellationCauseFor(caller, registration, policy);
            var previous = registration.Status;
            var heldSessions = registration.SessionIds.ToList();
            var released = registration.Cancel(cause, reason, clock.GetUtcNow());
            if (previous == registration.Status)
            {
                return registration;
            }

            await sessions.ReleaseAsync(heldSessions, cancellationToken);

            if (released)
            {
                returned = await waitlist.PassFreedSeatAsync(policy, cancellationToken);
            }

            events.Cancelled(registration, previous, released);
            return registration;
        }, cancellationToken);
        await SeatReturnedAsync(registration.EventId, returned);
        return registration;
    }

    private async Task SeatReturnedAsync(Guid eventId, bool returned)
    {
        if (returned)
        {
            await gate.GiveBackAsync(eventId);
        }
    }

    /// <summary>Locks the event's seat row, then the registration: the order every seat-freeing transaction uses.</summary>
    private async Task<Domain.Registrations.Registration> LockAsync(Guid id, CancellationToken cancellationToken)
    {
        var eventId = await EventOfAsync(id, cancellationToken);
        await ledger.LockAsync(eventId, cancellationToken);
        return await db.LockRegistrationAsync(id, cancellationToken) ?? throw new NotFoundException("registration", id.ToString());
    }

    private async Task<(Domain.Registrations.Registration, CapacityPolicy)> LockForOrganizerAsync(
        Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var registration = await LockAsync(id, cancellationToken);
        var policy = await db.CapacityPolicies.SingleAsync(p => p.EventId == registration.EventId, cancellationToken);
        access.MustOrganize(caller, policy);
        return (registration, policy);
    }

    private async Task<Guid> EventOfAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Registrations.Where(r => r.Id == id).Select(r => (Guid?)r.EventId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("registration", id.ToString());

    private async Task<Domain.Registrations.Registration?> SameRequestAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        var earlier = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == command.RequestId, cancellationToken);
        if (earlier is not null && (earlier.Attendee.Subject != command.AttendeeSubject || earlier.EventId != command.EventId))
        {
            throw new AlreadyExistsException("registration", earlier.Id.ToString(), "This request_id was already used for another registration.");
        }

        return earlier;
    }

    private async Task MustHaveNoActiveRegistrationAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        if (await db.Registrations.AnyAsync(
                r => r.EventId == command.EventId && r.Attendee.Subject == command.AttendeeSubject && RegistrationStatuses.Active.Contains(r.Status),
                cancellationToken))
        {
            throw AlreadyRegistered(command);
        }
    }

    private static AlreadyExistsException AlreadyRegistered(RegisterCommand command) =>
        new("registration", command.EventId.ToString(), "You already have an active registration for this event.");
}
