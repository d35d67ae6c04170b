using EventPlatform.Domain;
using EventPlatform.Program.Application.Changes;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Application.Schedule;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Sessions;

public sealed record CreateSession(string RequestId, EventId EventId, SessionPlan Plan);

/// <summary>
/// Every change to a session: only the event's organizer (or an admin) makes it, the aggregate judges it against
/// the event, its room, its speakers and the sessions it could collide with, and what attendees would notice is
/// recorded as ProgramChanged in the same transaction.
/// </summary>
public sealed class SessionCommands(
    ProgramStore store, EventAccess events, Placements placements, ProgramChangeLog changes, TimeProvider clock)
{
    /// <summary>Schedules a session; the same request id twice returns the session the first call created.</summary>
    public async Task<Session> CreateAsync(Caller caller, CreateSession command, CancellationToken cancellationToken)
    {
        var programEvent = await events.ManagedByAsync(caller, command.EventId, cancellationToken);
        if (await store.FindCreatedAsync<Session>(command.RequestId, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await ScheduleNewAsync(programEvent, command, cancellationToken);
        }
        catch (BusinessRuleBrokenException)
        {
            // A concurrent retry of this very request may have won, taking the room and speakers this one was judged
            // against: then the answer is its session, not a collision with it.
            if (await store.FindCreatedAsync<Session>(command.RequestId, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    public async Task<Session> ReviseAsync(
        Caller caller, SessionId id, SessionRevision revision, ChangeNotice notice, CancellationToken cancellationToken)
    {
        var session = await store.SessionForChangeAsync(id, cancellationToken);
        var programEvent = await events.ManagedByAsync(caller, session.EventId, cancellationToken);
        var plan = revision.ApplyTo(session.CurrentPlan());
        var context = await placements.ContextAsync(programEvent, plan, id, cancellationToken);
        var before = SessionState.Of(session);
        var kinds = session.Revise(revision, context, clock.GetUtcNow());
        await changes.RecordAsync(programEvent, [new SessionChange(id, kinds, before, SessionState.Of(session))], notice, cancellationToken);
        await store.SaveAsync(cancellationToken);
        return session;
    }

    /// <summary>Cancels a session; cancelling it again returns it unchanged and tells nobody.</summary>
    public async Task<Session> CancelAsync(Caller caller, SessionId id, string? reason, ChangeNotice notice, CancellationToken cancellationToken)
    {
        var session = await store.SessionForChangeAsync(id, cancellationToken);
        var programEvent = await events.ManagedByAsync(caller, session.EventId, cancellationToken);
        var before = SessionState.Of(session);
        if (session.Cancel(programEvent, reason, clock.GetUtcNow()))
        {
            await changes.RecordAsync(
                programEvent, [new SessionChange(id, SessionChangeKinds.Cancelled, before, SessionState.Of(session))], notice, cancellationToken);
            await store.SaveAsync(cancellationToken);
        }

        return session;
    }

    /// <summary>Removes a session of a draft event; deleting one that is already gone succeeds.</summary>
    public async Task DeleteAsync(Caller caller, SessionId id, CancellationToken cancellationToken)
    {
        if (await store.Db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } session)
        {
            return;
        }

        var programEvent = await events.ManagedByAsync(caller, session.EventId, cancellationToken);
        session.EnsureCanBeDeleted(programEvent);
        store.Db.Sessions.Remove(session);
        await store.SaveAsync(cancellationToken);
    }

    private async Task<Session> ScheduleNewAsync(ProgramEvent programEvent, CreateSession command, CancellationToken cancellationToken)
    {
        var id = SessionId.New();
        var context = await placements.ContextAsync(programEvent, command.Plan, id, cancellationToken);
        var session = Session.Schedule(id, command.Plan, context, clock.GetUtcNow());
        await changes.RecordAsync(
            programEvent, [new SessionChange(id, SessionChangeKinds.Added, null, SessionState.Of(session))], ChangeNotice.None, cancellationToken);
        return await store.AddOnceAsync(session, command.RequestId, cancellationToken);
    }
}
