using EventPlatform.Domain;
using EventPlatform.Program.Application.Events;
using EventPlatform.Program.Application.Schedule;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application.Sessions;

public sealed record CreateSession(string RequestId, EventId EventId, SessionPlan Plan);

/// <summary>
/// Every change to a session: only the event's organizer (or an admin) makes it, the aggregate judges it against
/// the event, its room, its speakers and the sessions it could collide with, and what attendees would notice is
/// told as ProgramChanged in the same transaction.
/// </summary>
public sealed class SessionCommands(
    CommandPipeline<ProgramDbContext> pipeline, EventAccess events, Placements placements, TimeProvider clock)
{
    /// <summary>Schedules a session; the same request id twice returns the session the first call created.</summary>
    public async Task<Session> CreateAsync(Caller caller, CreateSession command, CancellationToken cancellationToken)
    {
        var programEvent = await events.ManagedByAsync(caller, command.EventId, cancellationToken);
        try
        {
            return await pipeline.CreateOnceAsync(command.RequestId, async (_, token) =>
            {
                var id = SessionId.New();
                var context = await placements.ContextAsync(programEvent, command.Plan, id, token);
                var session = Session.Schedule(id, command.Plan, context, clock.GetUtcNow());
                pipeline.Db.Sessions.Add(session);
                return session;
            }, cancellationToken);
        }
        catch (BusinessRuleBrokenException)
        {
            // A concurrent retry of this very request may have won, taking the room and speakers this one was judged
            // against: then the answer is its session, not a collision with it.
            if (await pipeline.FindCreatedAsync<Session>(command.RequestId, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    public Task<Session> ReviseAsync(
        Caller caller, SessionId id, SessionRevision revision, ChangeNotice notice, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var session = await pipeline.Db.Sessions.SingleOrNotFoundAsync(s => s.Id == id, nameof(Session), id, token);
            var programEvent = await events.ManagedByAsync(caller, session.EventId, token);
            var context = await placements.ContextAsync(programEvent, revision.ApplyTo(session.CurrentPlan()), id, token);
            session.Revise(revision, context, clock.GetUtcNow(), notice);
            return session;
        }, cancellationToken);

    /// <summary>Cancels a session; cancelling it again returns it unchanged and tells nobody.</summary>
    public Task<Session> CancelAsync(Caller caller, SessionId id, string? reason, ChangeNotice notice, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var session = await pipeline.Db.Sessions.SingleOrNotFoundAsync(s => s.Id == id, nameof(Session), id, token);
            var programEvent = await events.ManagedByAsync(caller, session.EventId, token);
            session.Cancel(programEvent, reason, clock.GetUtcNow(), notice);
            return session;
        }, cancellationToken);

    /// <summary>Removes a session of a draft event; deleting one that is already gone succeeds.</summary>
    public Task DeleteAsync(Caller caller, SessionId id, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            if (await pipeline.Db.Sessions.SingleOrDefaultAsync(s => s.Id == id, token) is not { } session)
            {
                return;
            }

            var programEvent = await events.ManagedByAsync(caller, session.EventId, token);
            session.EnsureCanBeDeleted(programEvent);
            pipeline.Db.Sessions.Remove(session);
        }, cancellationToken);
}
