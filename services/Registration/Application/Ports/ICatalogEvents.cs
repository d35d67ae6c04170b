using EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Registrations.Application.Ports;

/// <summary>Catalog's events, asked for when registration has not projected one yet; null when catalog does not know it.</summary>
public interface ICatalogEvents
{
    Task<Event?> FindAsync(Guid eventId, CancellationToken cancellationToken);
}
