using EventPlatform.Domain;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Domain.Sessions;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;

namespace EventPlatform.Registrations.Application.Sessions;

/// <summary>
/// Session choices and their seats. A Confirmed registration holds one seat in each session it chose, taken in the
/// transaction that chose it (or that confirmed it, for the sessions asked for when registering) and freed in the
/// transaction that closes it.
/// </summary>
public sealed class SessionChoices(
    CommandPipeline<RegistrationDbContext> pipeline, ISessionSeatLedger ledger, IProgramSessions program, TimeProvider clock)
{
    /// <summary>Checks the sessions asked for when registering, before any seat is taken; returns program's view of them.</summary>
    public async Task<IReadOnlyList<Session>> CheckRequestedAsync(Guid eventId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await program.FindAsync(ids, cancellationToken);
        SessionChoice.Check(eventId, ids, found, newlyChosen: ids);
        return found;
    }

    /// <summary>Records the requested sessions' capacities, so a later confirmation can take their seats without program.</summary>
    public Task RecordAsync(IReadOnlyList<Session> sessions, CancellationToken cancellationToken) =>
        ledger.RecordAsync(sessions, cancellationToken);

    /// <summary>
    /// The registration was just confirmed: it takes a seat in each session asked for that still has one. A full
    /// session is left out rather than refusing the confirmation; the attendee sees the sessions held and may choose again.
    /// </summary>
    public async Task ApplyRequestedAsync(Registration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Confirmed || registration.RequestedSessionIds.Count == 0)
        {
            return;
        }

        var obtained = new List<string>();
        foreach (var sessionId in registration.RequestedSessionIds.Order(StringComparer.Ordinal))
        {
            if (await ledger.TryTakeAsync(sessionId, cancellationToken))
            {
                obtained.Add(sessionId);
            }
        }

        registration.HoldRequestedSessions(obtained, clock.GetUtcNow());
    }

    /// <summary>The attendee's new choice replaces the old one: all of it, or nothing when a session is full.</summary>
    public async Task<Registration> ChooseAsync(
        Guid id, IReadOnlyList<string> sessionIds, Caller caller, CancellationToken cancellationToken)
    {
        var found = sessionIds.Count == 0 ? [] : await program.FindAsync(sessionIds, cancellationToken);
        return await pipeline.RunAsync(async (_, token) =>
        {
            var registration = await pipeline.Db.LockRegistrationAsync(id, token);
            if (registration is null || (!caller.IsAdmin && caller.Subject != registration.Attendee.Subject))
            {
                // Someone else's registration is not revealed, as in GetRegistration.
                throw new NotFoundException("registration", id.ToString());
            }

            var change = registration.ChooseSessions(sessionIds, found, clock.GetUtcNow());
            await ledger.RecordAsync(found.Where(s => change.Added.Contains(s.Id)), token);
            var steps = change.Added.Select(s => (SessionId: s, Take: true)).Concat(change.Removed.Select(s => (SessionId: s, Take: false)));
            foreach (var (sessionId, take) in steps.OrderBy(s => s.SessionId, StringComparer.Ordinal))
            {
                if (take)
                {
                    BusinessRule.Check(new SessionMustHaveFreeSeatRule(sessionId, await ledger.TryTakeAsync(sessionId, token)));
                }
                else
                {
                    await ledger.ReleaseAsync(sessionId, token);
                }
            }

            return registration;
        }, cancellationToken);
    }

    /// <summary>The registration closed (cancelled): the sessions it held, read before closing it, are freed.</summary>
    public async Task ReleaseAsync(IReadOnlyList<string> heldSessionIds, CancellationToken cancellationToken)
    {
        foreach (var sessionId in heldSessionIds.Order(StringComparer.Ordinal))
        {
            await ledger.ReleaseAsync(sessionId, cancellationToken);
        }
    }
}
