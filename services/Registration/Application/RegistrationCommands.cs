using System.Diagnostics;
using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Registering;
using EventPlatform.Registrations.Domain.Sessions;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application;

public sealed record RegisterCommand(
    string RequestId, Guid EventId, string AttendeeSubject, Attendee Attendee, IReadOnlyList<string> SessionIds, string? NoteToOrganizer,
    BillingDetails? BillingDetails = null)
{
    /// <summary>The registration this command asks for, once the ledger said whether it has a seat or a waitlist ticket.</summary>
    public Registration Request(CapacityPolicy policy, bool seatGranted, long? waitlistTicket, DateTimeOffset now) =>
        Registration.Request(
            Guid.CreateVersion7(now), RequestId, Attendee, policy, SessionIds, NoteToOrganizer, seatGranted, waitlistTicket, now, BillingDetails);
}

/// <summary>
/// Register, approve, reject and cancel. Each runs in one PostgreSQL transaction (the command pipeline) holding the
/// registration row, the seat ledger change and the outgoing events; the seat gate is told only once that
/// transaction's outcome is known.
/// </summary>
public sealed class RegistrationCommands(
    CommandPipeline<RegistrationDbContext> pipeline,
    Policies policies,
    SeatAllocator seats,
    ISeatLedger ledger,
    ISeatGate gate,
    Waitlist waitlist,
    RegistrationAccess access,
    SessionChoices sessions,
    PaymentOpener payments,
    RegistrationQueues queues,
    WaitlistPositions positions,
    TimeProvider clock)
{
    private RegistrationDbContext Db => pipeline.Db;

    /// <summary>The registration and its waitlist position (0 when not waitlisted), as the attendee sees them at once.</summary>
    public async Task<(Registration Registration, int WaitlistPosition)> RegisterAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        var (earlier, hasActive) = await EarlierAsync(command, cancellationToken);
        if (earlier is not null)
        {
            return (earlier, await positions.OfAsync(earlier, cancellationToken));
        }

        var policy = await policies.GetAsync(command.EventId, cancellationToken);
        // To the microsecond, as PostgreSQL keeps it: the answer is built from what was saved, not read back.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        BusinessRule.Check(new EventMustBeOpenForRegistrationRule(policy));
        BusinessRule.Check(new RegistrationWindowMustBeOpenRule(policy, now));
        if (hasActive)
        {
            throw AlreadyRegistered(command);
        }

        var requestedSessions = await sessions.CheckRequestedAsync(policy.EventId, command.SessionIds, cancellationToken);
        try
        {
            var registered = requestedSessions.Count == 0
                ? await queues.RegisterAsync(
                    new QueuedRegistration(command, policy, await seats.AskGateAsync(policy.EventId, cancellationToken), now, Activity.Current, cancellationToken),
                    cancellationToken)
                : await RegisterWithSessionsAsync(command, policy, requestedSessions, now, cancellationToken);
            if (registered.Registration.Status == RegistrationStatus.Pending)
            {
                // The attendee can pay as soon as this call returns: the answer carries the payment just opened.
                await payments.TryOpenAsync(registered.Registration.Id, cancellationToken);
                registered = (await Db.Registrations.AsNoTracking().SingleAsync(r => r.Id == registered.Registration.Id, cancellationToken), 0);
            }

            return registered;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent retry of the same request, or of the same attendee, won the race.
            Db.ChangeTracker.Clear();
            return (await EarlierAsync(command, cancellationToken)).Earlier is { } winner
                ? (winner, await positions.OfAsync(winner, cancellationToken))
                : throw AlreadyRegistered(command);
        }
    }

    /// <summary>
    /// Sessions asked for take their seats in the same transaction, in session order; such a registration commits on its
    /// own rather than in its event's group, so two transactions never take session seats crosswise.
    /// </summary>
    private async Task<(Registration Registration, int WaitlistPosition)> RegisterWithSessionsAsync(
        RegisterCommand command, CapacityPolicy policy, IReadOnlyList<Session> requestedSessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registration = await pipeline.RunAsync(async (context, token) =>
        {
            var seatTaken = await seats.TryTakeAsync(policy.EventId, context, token);
            long? ticket = !seatTaken && Registration.MayBeWaitlisted(policy)
                ? await ledger.NextWaitlistTicketAsync(token)
                : null;
            var registration = command.Request(policy, seatTaken, ticket, now);
            Db.Registrations.Add(registration);
            await sessions.RecordAsync(requestedSessions, token);
            await sessions.ApplyRequestedAsync(registration, token);
            return registration;
        }, cancellationToken);
        return (registration, await positions.OfAsync(registration, cancellationToken));
    }

    public Task<Registration> ApproveAsync(Guid id, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (context, token) =>
        {
            var (registration, policy) = await LockForOrganizerAsync(id, caller, token);
            if (registration.ApproveTime is not null)
            {
                return registration;
            }

            var now = clock.GetUtcNow();
            var seatTaken = !registration.HoldsSeat && await seats.TryTakeAsync(policy.EventId, context, token);
            long? ticket = !registration.HoldsSeat && !seatTaken && policy.WaitlistEnabled
                ? await ledger.NextWaitlistTicketAsync(token)
                : null;
            registration.Approve(policy, seatTaken, ticket, now);
            await sessions.ApplyRequestedAsync(registration, token);
            OpenPaymentAfterCommit(registration, context, cancellationToken);
            return registration;
        }, cancellationToken);

    public Task<Registration> RejectAsync(Guid id, string? reason, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (context, token) =>
        {
            var (registration, policy) = await LockForOrganizerAsync(id, caller, token);
            if (registration.Reject(reason, clock.GetUtcNow()))
            {
                await PassFreedSeatAsync(policy, context, token);
            }

            return registration;
        }, cancellationToken);

    public Task<Registration> CancelAsync(Guid id, string? reason, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (context, token) =>
        {
            var registration = await LockAsync(id, token);
            var policy = await Db.CapacityPolicies.SingleAsync(p => p.EventId == registration.EventId, token);
            var cause = access.CancellationCauseFor(caller, registration, policy);
            var heldSessions = registration.SessionIds.ToList();
            var previous = registration.Status;
            var released = registration.Cancel(cause, reason, policy, clock.GetUtcNow());
            if (previous == registration.Status)
            {
                return registration;
            }

            await sessions.ReleaseAsync(heldSessions, token);
            if (released)
            {
                await PassFreedSeatAsync(policy, context, token);
            }

            return registration;
        }, cancellationToken);

    /// <summary>A seat held for payment: the attendee can pay as soon as this call returns.</summary>
    private void OpenPaymentAfterCommit(Registration registration, CommandContext context, CancellationToken cancellationToken)
    {
        if (registration.Status == RegistrationStatus.Pending)
        {
            context.AfterCommit(() => payments.TryOpenAsync(registration.Id, cancellationToken));
        }
    }

    /// <summary>The freed seat goes to the next in line, or back to the gate once the transaction committed.</summary>
    private async Task PassFreedSeatAsync(CapacityPolicy policy, CommandContext context, CancellationToken cancellationToken)
    {
        if (await waitlist.PassFreedSeatAsync(policy, cancellationToken))
        {
            context.AfterCommit(() => gate.GiveBackAsync(policy.EventId));
        }
    }

    /// <summary>Locks the event's seat row, then the registration: the order every seat-freeing transaction uses.</summary>
    private async Task<Registration> LockAsync(Guid id, CancellationToken cancellationToken)
    {
        var eventId = await EventOfAsync(id, cancellationToken);
        await ledger.LockAsync(eventId, cancellationToken);
        return await Db.LockRegistrationAsync(id, cancellationToken) ?? throw new NotFoundException("registration", id.ToString());
    }

    private async Task<(Registration, CapacityPolicy)> LockForOrganizerAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var registration = await LockAsync(id, cancellationToken);
        var policy = await Db.CapacityPolicies.SingleAsync(p => p.EventId == registration.EventId, cancellationToken);
        access.MustOrganize(caller, policy);
        return (registration, policy);
    }

    private async Task<Guid> EventOfAsync(Guid id, CancellationToken cancellationToken) =>
        await Db.Registrations.Where(r => r.Id == id).Select(r => (Guid?)r.EventId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("registration", id.ToString());

    /// <summary>
    /// In one query: the registration made earlier under the same request id (the same key again returns it; a key reused
    /// for another attendee or event is ALREADY_EXISTS), and whether the attendee already holds an active one here.
    /// </summary>
    private async Task<(Registration? Earlier, bool HasActive)> EarlierAsync(RegisterCommand command, CancellationToken cancellationToken)
    {
        var found = await Db.Registrations.AsNoTracking()
            .Where(r => r.RequestId == command.RequestId
                || (r.EventId == command.EventId && r.Attendee.Subject == command.AttendeeSubject && RegistrationStatuses.Active.Contains(r.Status)))
            .ToListAsync(cancellationToken);
        var earlier = found.SingleOrDefault(r => r.RequestId == command.RequestId);
        if (earlier is not null && (earlier.Attendee.Subject != command.AttendeeSubject || earlier.EventId != command.EventId))
        {
            throw new AlreadyExistsException("registration", earlier.Id.ToString(), "This request_id was already used for another registration.");
        }

        return (earlier, found.Any(r => r.RequestId != command.RequestId));
    }

    private static AlreadyExistsException AlreadyRegistered(RegisterCommand command) =>
        new("registration", command.EventId.ToString(), "You already have an active registration for this event.");
}
