using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using Grpc.Core;
using Catalog = EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Program.Application.Ports;

namespace EventPlatform.Program.Infrastructure;

/// <summary>Catalog over gRPC: its internal API for events (any status), its public one for an organizer's owner.</summary>
public sealed class CatalogEvents(
    Catalog.CatalogInternalService.CatalogInternalServiceClient internalCatalog,
    Catalog.CatalogService.CatalogServiceClient publicCatalog) : IEventCatalog
{
    public async Task<IReadOnlyList<ProgramEvent>> FindEventsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var response = await internalCatalog.BatchGetEventsAsync(
            new Catalog.BatchGetEventsRequest { Ids = { ids.Select(id => id.ToString()) } }, cancellationToken: cancellationToken);
        return response.Events.Select(ToProgramEvent).ToList();
    }

    public async Task<string> OwnerOfOrganizerAsync(string organizerId, CancellationToken cancellationToken)
    {
        try
        {
            var organizer = await publicCatalog.GetOrganizerAsync(
                new Catalog.GetOrganizerRequest { Id = organizerId }, cancellationToken: cancellationToken);
            return organizer.OwnerId;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            // Catalog's own wording names its field "id"; ours is the request's organizer_id.
            throw new NotFoundException("Organizer", organizerId);
        }
    }

    public static ProgramEvent ToProgramEvent(Catalog.Event e) => new(
        new EventId(Guid.Parse(e.Id)),
        e.Title,
        e.OrganizerId,
        e.OwnerId,
        e.StartTime.ToDateTimeOffset(),
        e.EndTime.ToDateTimeOffset(),
        e.TimeZone,
        e.Status switch
        {
            Catalog.EventStatus.Published => EventStatus.Published,
            Catalog.EventStatus.RegistrationsClosed => EventStatus.RegistrationsClosed,
            Catalog.EventStatus.Completed => EventStatus.Completed,
            Catalog.EventStatus.Cancelled => EventStatus.Cancelled,
            _ => EventStatus.Draft,
        });
}
