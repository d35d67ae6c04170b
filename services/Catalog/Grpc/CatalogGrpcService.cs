using EventPlatform.Catalog.Application.Events;
using EventPlatform.Contracts.Catalog.V1;
using Grpc.Core;

namespace EventPlatform.Catalog.Grpc;

/// <summary>Thin: map the request, call the application layer, map the result. Errors are mapped by the interceptor.</summary>
public sealed class CatalogGrpcService(CreateEventHandler createEvent, EventQueries events) : CatalogService.CatalogServiceBase
{
    public override async Task<Event> CreateEvent(CreateEventRequest request, ServerCallContext context)
    {
        var (organizerId, details) = EventMapping.ToDomain(request);
        var created = await createEvent.HandleAsync(
            new Application.Events.CreateEvent(request.RequestId, organizerId, details), context.CancellationToken);
        return created.ToContract();
    }

    public override async Task<Event> GetEvent(GetEventRequest request, ServerCallContext context)
    {
        var found = await events.GetAsync(EventMapping.ToEventId(request.Id), context.CancellationToken);
        return found.ToContract();
    }
}
