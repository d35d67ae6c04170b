using EventPlatform.Catalog.Domain.Events;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace EventPlatform.Catalog.Infrastructure;

public static class EventSearch
{
    /// <summary>
    /// Events whose title or description match the words, by PostgreSQL full text (the <c>simple</c> configuration,
    /// so no language's stemming is imposed) on the indexed search vector.
    /// </summary>
    public static IQueryable<Event> MatchingText(this IQueryable<Event> events, string query) =>
        events.Where(e => EF.Property<NpgsqlTsVector>(e, EventConfiguration.SearchVector)
            .Matches(EF.Functions.WebSearchToTsQuery("simple", query)));
}
