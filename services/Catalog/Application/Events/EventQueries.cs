using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application.Events;

public sealed class EventQueries(CatalogDbContext db)
{
    public async Task<Event> GetAsync(EventId id, CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Event), id.ToString());
}
