using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application.Events;

public sealed record EventFilter(OrganizerId? Organizer, EventStatus? Status, bool UpcomingOnly, string? Query, PageRequest Page);

/// <summary>Reading events. A draft is seen only by its organizer (and admins); to anyone else it does not exist.</summary>
public sealed class EventQueries(CatalogDbContext db, TimeProvider clock)
{
    public async Task<Event> GetAsync(EventId id, Caller? caller, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrNotFoundAsync(e => e.Id == id, nameof(Event), id, cancellationToken);
        return IsVisible(found, caller) ? found : throw new NotFoundException(nameof(Event), id.ToString());
    }

    /// <summary>Events by start time, then id; the page token is the last (start, id) seen, so pages never shift.</summary>
    public async Task<Page<Event>> ListAsync(EventFilter filter, Caller? caller, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking();
        if (caller is not { IsAdmin: true })
        {
            var subject = caller?.Subject;
            events = events.Where(e => e.Status != EventStatus.Draft || e.OwnerId == subject);
        }

        if (filter.Organizer is { } organizer)
        {
            events = events.Where(e => e.OrganizerId == organizer);
        }

        if (filter.Status is { } status)
        {
            events = events.Where(e => e.Status == status);
        }

        if (filter.UpcomingOnly)
        {
            var now = clock.GetUtcNow();
            events = events.Where(e => e.Schedule.End > now);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            events = events.MatchingText(filter.Query);
        }

        if (filter.Page.After is { } position)
        {
            var (afterStart, after) = (position.Instant, new EventId(position.Id));
            // A row-value comparison, (start, id) > (after start, after id): one index range scan.
            events = events.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.Schedule.Start, e.Id), ValueTuple.Create(afterStart, after)));
        }

        var take = filter.Page.Take;
        var page = await events.OrderBy(e => e.Schedule.Start).ThenBy(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        return Page<Event>.FromReadOneMore(page, take, last => PageToken.After(last.Schedule.Start, last.Id.Value));
    }

    /// <summary>For other services: the events asked for that exist, whatever their status.</summary>
    public async Task<IReadOnlyList<Event>> BatchGetAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);

    private static bool IsVisible(Event e, Caller? caller) =>
        e.Status != EventStatus.Draft || caller is { IsAdmin: true } || caller?.Subject == e.OwnerId;
}
