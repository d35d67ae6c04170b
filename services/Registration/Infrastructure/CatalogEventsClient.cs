using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Registrations.Application.Ports;

namespace EventPlatform.Registrations.Infrastructure;

/// <summary>Asks catalog for an event registration has not projected yet.</summary>
internal sealed class CatalogEventsClient(CatalogInternalService.CatalogInternalServiceClient catalog) : ICatalogEvents
{
    public async Task<Event?> FindAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var response = await catalog.BatchGetEventsAsync(
            new BatchGetEventsRequest { Ids = { eventId.ToString() } }, cancellationToken: cancellationToken);
        return response.Events.FirstOrDefault();
    }
}
