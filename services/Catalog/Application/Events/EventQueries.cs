using System.Text;
using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace EventPlatform.Catalog.Application.Events;

public sealed record EventFilter(OrganizerId? Organizer, EventStatus? Status, bool UpcomingOnly, string? Query, int PageSize, string? PageToken);

public sealed record EventPage(IReadOnlyList<Event> Events, string? NextPageToken);

/// <summary>Reading events. A draft is seen only by its organizer (and admins); to anyone else it does not exist.</summary>
public sealed class EventQueries(CatalogDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Event> GetAsync(EventId id, Caller? caller, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return found is not null && IsVisible(found, caller) ? found : throw new NotFoundException(nameof(Event), id.ToString());
    }

    /// <summary>Events by start time, then id; the page token is the last (start, id) seen, so pages never shift.</summary>
    public async Task<EventPage> ListAsync(EventFilter filter, Caller? caller, CancellationToken cancellationToken)
    {
        var pageSize = filter.PageSize <= 0 ? DefaultPageSize : Math.Min(filter.PageSize, MaxPageSize);
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
            events = events.Where(e => EF.Property<NpgsqlTsVector>(e, EventConfiguration.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery("simple", filter.Query)));
        }

        if (PageToken.Parse(filter.PageToken) is var (afterStart, afterId))
        {
            var after = new EventId(afterId);
            // A row-value comparison, (start, id) > (after start, after id): one index range scan.
            events = events.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.Schedule.Start, e.Id), ValueTuple.Create(afterStart, after)));
        }

        var page = await events.OrderBy(e => e.Schedule.Start).ThenBy(e => e.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? PageToken.After(page[pageSize - 1]) : null;
        return new EventPage(page.Take(pageSize).ToList(), next);
    }

    /// <summary>For other services: the events asked for that exist, whatever their status.</summary>
    public async Task<IReadOnlyList<Event>> BatchGetAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);

    private static bool IsVisible(Event e, Caller? caller) =>
        e.Status != EventStatus.Draft || caller is { IsAdmin: true } || caller?.Subject == e.OwnerId;

    private static class PageToken
    {
        public static string After(Event last) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Schedule.Start.UtcTicks}|{last.Id.Value}"));

        public static (DateTimeOffset Start, Guid Id)? Parse(string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            try
            {
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
                return (new DateTimeOffset(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(parts[1]));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new InvalidInputException("page_token", "Not a page token from an earlier answer: start again without one.");
            }
        }
    }
}
