using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application.Organizers;

public sealed class OrganizerQueries(CatalogDbContext db)
{
    public Task<Organizer> GetAsync(OrganizerId id, CancellationToken cancellationToken) =>
        db.Organizers.AsNoTracking().SingleOrNotFoundAsync(o => o.Id == id, nameof(Organizer), id, cancellationToken);

    public Task<List<Organizer>> OwnedByAsync(string ownerId, CancellationToken cancellationToken) =>
        db.Organizers.AsNoTracking().Where(o => o.OwnerId == ownerId).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
}
