using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application;

public sealed record SeatCounts(Guid EventId, int Capacity, int Confirmed, int Held, int Waitlisted);

public sealed record ConfirmedAttendee(Registration Registration);

/// <summary>What the event page shows: seats left, waitlist length, whether registering is possible now.</summary>
public sealed record EventSeatAvailability(
    Guid EventId, int Capacity, int RemainingSeats, bool WaitlistEnabled, int WaitlistLength, bool ApprovalRequired, bool RegistrationOpen);

/// <summary>A session attendees choose: capacity 0 is unlimited (remaining then 0 too, as the contract says).</summary>
public sealed record SessionSeatAvailability(string SessionId, int Capacity, int Chosen, int Remaining);

public sealed record EventRegistrationsFilter(Guid EventId, RegistrationStatus? Status, string? Query, string? SessionId, PageRequest Page);

public sealed record RegistrationPage(
    IReadOnlyList<(Registration Registration, int WaitlistPosition)> Registrations, string? NextPageToken, int? TotalCount);

public sealed class RegistrationQueries(
    RegistrationDbContext db, RegistrationAccess access, WaitlistPositions positions, IProgramSessions program, TimeProvider clock)
{
    /// <summary>
    /// Public and anonymous: counts only, no attendee data. Only projected events are answered — a policy exists once
    /// catalog published the event — so a draft's existence is not revealed through this route.
    /// </summary>
    public async Task<EventSeatAvailability> AvailabilityAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var policy = await db.CapacityPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == eventId, cancellationToken)
            ?? throw new NotFoundException("event", eventId.ToString());

        // The seat row, not the policy, is the truth for what is taken; a missing row means nothing was taken yet.
        var seats = await db.EventSeats.AsNoTracking().Where(s => s.EventId == eventId)
            .Select(s => new { s.Capacity, s.Taken }).SingleOrDefaultAsync(cancellationToken);
        var capacity = seats?.Capacity ?? policy.Capacity;
        var waitlisted = await db.Registrations.AsNoTracking()
            .CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted, cancellationToken);
        return new EventSeatAvailability(
            eventId,
            capacity,
            Math.Max(0, capacity - (seats?.Taken ?? 0)),
            policy.WaitlistEnabled,
            waitlisted,
            policy.ApprovalRequired,
            policy.AcceptsRegistrationsAt(clock.GetUtcNow()));
    }

    /// <summary>Program lists the sessions (and their capacity, which it owns); the seats taken are counted here.</summary>
    public async Task<IReadOnlyList<SessionSeatAvailability>> SessionAvailabilityAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var sessions = (await program.OfEventAsync(eventId, cancellationToken)).Where(s => s.Scheduled && !s.Plenary).ToList();
        var taken = await db.SessionSeats.AsNoTracking().Where(s => s.EventId == eventId)
            .ToDictionaryAsync(s => s.SessionId, s => s.Taken, cancellationToken);
        return sessions.Select(s =>
        {
            var chosen = taken.GetValueOrDefault(s.Id);
            return new SessionSeatAvailability(s.Id, s.Capacity, chosen, s.Capacity == 0 ? 0 : Math.Max(0, s.Capacity - chosen));
        }).ToList();
    }

    /// <summary>For other services (no caller): the registrations found among the ids, in the order asked.</summary>
    public async Task<IReadOnlyList<(Registration Registration, int WaitlistPosition)>> BatchGetAsync(
        IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return await WithPositionsAsync(ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), cancellationToken);
    }

    public async Task<(Registration Registration, int WaitlistPosition)> GetAsync(
        Guid id, Caller? caller, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("registration", id.ToString());
        if (caller is not null)
        {
            var policy = await db.CapacityPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == registration.EventId, cancellationToken);
            if (!access.MaySee(caller, registration, policy))
            {
                // Not PERMISSION_DENIED: whether someone else's registration exists is not the caller's to learn.
                throw new NotFoundException("registration", id.ToString());
            }
        }

        return (registration, await positions.OfAsync(registration, cancellationToken));
    }

    /// <summary>The caller's own registrations, newest first, keyset-paginated on (create_time, id) descending.</summary>
    public async Task<RegistrationPage> MineAsync(
        Caller caller, RegistrationStatus? status, Guid? eventId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.Attendee.Subject == caller.Subject);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (eventId is { } e)
        {
            query = query.Where(r => r.EventId == e);
        }

        if (page.After is { } position)
        {
            var (afterTime, afterId) = (position.Instant, position.Id);
            // A row-value comparison, (create_time, id) < (after): one index range scan, stable under concurrent inserts.
            query = query.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.CreateTime, r.Id), ValueTuple.Create(afterTime, afterId)));
        }

        var found = Page<Registration>.FromReadOneMore(
            await query.OrderByDescending(r => r.CreateTime).ThenByDescending(r => r.Id).Take(page.Take + 1).ToListAsync(cancellationToken),
            page.Take, last => PageToken.After(last.CreateTime, last.Id));
        return new RegistrationPage(await WithPositionsAsync(found.Items, cancellationToken), found.NextPageToken, TotalCount: null);
    }

    /// <summary>
    /// The organizer's view of an event. Filtered on Waitlisted the list is in waitlist order (ticket, id); otherwise in
    /// arrival order (create_time, id). Both keys are a long and an id, so one page-token format serves both.
    /// </summary>
    public async Task<RegistrationPage> ForEventAsync(EventRegistrationsFilter filter, Caller caller, CancellationToken cancellationToken)
    {
        var policy = await db.CapacityPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == filter.EventId, cancellationToken)
            ?? throw new NotFoundException("event", filter.EventId.ToString());
        access.MustOrganize(caller, policy);

        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == filter.EventId);
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // The words are matched literally: % and _ typed by the organizer are not wildcards.
            var pattern = "%" + filter.Query.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(r => EF.Functions.ILike(r.Attendee.Name, pattern) || EF.Functions.ILike(r.Attendee.Email, pattern));
        }

        if (filter.SessionId is { } session)
        {
            query = query.Where(r => EF.Property<List<string>>(r, "_sessionIds").Contains(session));
        }

        var total = await query.CountAsync(cancellationToken);
        var after = filter.Page.After;
        var take = filter.Page.Take;
        Page<Registration> page;
        if (filter.Status == RegistrationStatus.Waitlisted)
        {
            if (after is { } position)
            {
                var (afterTicket, afterId) = ((long?)position.Number, position.Id);
                query = query.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.WaitlistTicket, r.Id), ValueTuple.Create(afterTicket, afterId)));
            }

            page = Page<Registration>.FromReadOneMore(
                await query.OrderBy(r => r.WaitlistTicket).ThenBy(r => r.Id).Take(take + 1).ToListAsync(cancellationToken),
                take, last => PageToken.After(last.WaitlistTicket ?? 0, last.Id));
        }
        else
        {
            if (after is { } position)
            {
                var (afterTime, afterId) = (position.Instant, position.Id);
                query = query.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.CreateTime, r.Id), ValueTuple.Create(afterTime, afterId)));
            }

            page = Page<Registration>.FromReadOneMore(
                await query.OrderBy(r => r.CreateTime).ThenBy(r => r.Id).Take(take + 1).ToListAsync(cancellationToken),
                take, last => PageToken.After(last.CreateTime, last.Id));
        }

        return new RegistrationPage(await WithPositionsAsync(page.Items, cancellationToken), page.NextPageToken, total);
    }

    public async Task<SeatCounts> SeatCountsAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var capacity = await db.EventSeats.AsNoTracking().Where(s => s.EventId == eventId).Select(s => (int?)s.Capacity)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("event", eventId.ToString());
        var counts = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && RegistrationStatuses.Active.Contains(r.Status))
            .GroupBy(r => new { r.Status, r.HoldsSeat })
            .Select(g => new { g.Key.Status, g.Key.HoldsSeat, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new SeatCounts(
            eventId,
            capacity,
            counts.Where(c => c.Status == RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.HoldsSeat && c.Status != RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count));
    }

    /// <summary>Confirmed registrations in id order after <paramref name="after"/>; with sessions, only those who chose one.</summary>
    public async Task<Page<Registration>> ConfirmedAttendeesAsync(
        Guid eventId, IReadOnlyCollection<string> sessionIds, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed);
        if (page.After is { } position)
        {
            var last = position.Id;
            query = query.Where(r => r.Id.CompareTo(last) > 0);
        }

        if (sessionIds.Count > 0)
        {
            var chosen = sessionIds.ToList();
            query = query.Where(r => EF.Property<List<string>>(r, "_sessionIds").Any(s => chosen.Contains(s)));
        }

        return Page<Registration>.FromReadOneMore(
            await query.OrderBy(r => r.Id).Take(page.Take + 1).ToListAsync(cancellationToken), page.Take, last => PageToken.After("", last.Id));
    }

    /// <summary>
    /// Positions are ranks among the event's waitlisted tickets, so they are computed, not stored: one count per
    /// waitlisted row on the page (at most 100, each an index range scan on (event_id, status, waitlist_ticket)).
    /// </summary>
    private async Task<IReadOnlyList<(Registration, int)>> WithPositionsAsync(
        IReadOnlyList<Registration> page, CancellationToken cancellationToken)
    {
        var result = new List<(Registration, int)>(page.Count);
        foreach (var registration in page)
        {
            result.Add((registration, await positions.OfAsync(registration, cancellationToken)));
        }

        return result;
    }
}
