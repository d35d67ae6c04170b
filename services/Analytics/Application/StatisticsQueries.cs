using EventPlatform.Analytics.Domain.Facts;
using EventPlatform.Analytics.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Analytics.Application;

/// <summary>
/// Figures computed from the facts when asked: counts and sums over rows that converge whatever the order of events,
/// so they are exact. An event's figures are for its organizer (owner) or an admin.
/// </summary>
public sealed class StatisticsQueries(AnalyticsDbContext db)
{
    public async Task<EventFigures> EventAsync(Guid eventId, Caller caller, CancellationToken cancellationToken)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.EventId == eventId, cancellationToken);
        if (e is null || !(caller.IsAdmin || caller.Subject == e.OwnerId))
        {
            throw new NotFoundException("event statistics", eventId.ToString());
        }

        return (await FiguresAsync([e], withDaily: true, cancellationToken)).Single();
    }

    public async Task<Page<EventFigures>> EventsOfAsync(
        string organizerId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, Caller caller, CancellationToken cancellationToken)
    {
        var query = EventsOf(organizerId, from, to, caller);
        if (page.After is { } after)
        {
            query = query.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.StartTime, e.EventId), ValueTuple.Create(after.Instant, after.Id)));
        }

        var events = await query.OrderByDescending(e => e.StartTime).ThenByDescending(e => e.EventId).Take(page.Take + 1).ToListAsync(cancellationToken);
        var figures = await FiguresAsync(events, withDaily: false, cancellationToken);
        return Page<EventFigures>.FromReadOneMore(figures.ToList(), page.Take, last => PageToken.After(last.StartTime, last.EventId));
    }

    public async Task<OrganizerFigures> OrganizerAsync(
        string organizerId, DateTimeOffset? from, DateTimeOffset? to, Caller caller, CancellationToken cancellationToken)
    {
        var events = await EventsOf(organizerId, from, to, caller).ToListAsync(cancellationToken);
        if (events.Count == 0 && !caller.IsAdmin && await db.Events.AnyAsync(e => e.OrganizerId == organizerId, cancellationToken))
        {
            throw new PermissionDeniedException("Only the organizer's owner (or an admin) reads its statistics.");
        }

        var figures = await FiguresAsync(events, withDaily: false, cancellationToken);
        var revenue = figures.Where(f => f.Gross.Currency.Length > 0).GroupBy(f => f.Gross.Currency).OrderBy(g => g.Key)
            .Select(g => new RevenueFigures(
                new Amount(g.Sum(f => f.Gross.Minor), g.Key), new Amount(g.Sum(f => f.Refunded.Minor), g.Key), new Amount(g.Sum(f => f.Net.Minor), g.Key)))
            .ToList();
        return new OrganizerFigures(
            organizerId, from, to, events.Count,
            events.Count(e => e.State is EventState.Published or EventState.RegistrationsClosed or EventState.Completed),
            events.Count(e => e.State == EventState.Cancelled),
            figures.Sum(f => f.Confirmed), figures.Sum(f => f.Cancelled),
            figures.Count == 0 ? 0 : (int)figures.Average(f => f.FillRateBasisPoints),
            revenue,
            figures.Select(f => f.UpdateTime).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max());
    }

    private IQueryable<EventFact> EventsOf(string organizerId, DateTimeOffset? from, DateTimeOffset? to, Caller caller)
    {
        var query = db.Events.AsNoTracking().Where(e => e.OrganizerId == organizerId && (caller.IsAdmin || e.OwnerId == caller.Subject));
        query = from is { } start ? query.Where(e => e.StartTime >= start) : query;
        return to is { } end ? query.Where(e => e.StartTime < end) : query;
    }

    private async Task<IReadOnlyList<EventFigures>> FiguresAsync(IReadOnlyList<EventFact> events, bool withDaily, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.EventId).ToList();
        var registrations = (await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.EventId)).ToListAsync(cancellationToken)).ToLookup(r => r.EventId);
        var payments = (await db.Payments.AsNoTracking().Where(p => ids.Contains(p.EventId)).ToListAsync(cancellationToken)).ToLookup(p => p.EventId);
        var refunds = (await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.EventId)).ToListAsync(cancellationToken)).ToLookup(r => r.EventId);
        var documents = (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.EventId)).ToListAsync(cancellationToken)).ToLookup(d => d.EventId);
        return events.Select(e => EventFiguresCalculator.Compute(e, [.. registrations[e.EventId]], [.. payments[e.EventId]], [.. refunds[e.EventId]], [.. documents[e.EventId]], withDaily))
            .ToList();
    }
}
