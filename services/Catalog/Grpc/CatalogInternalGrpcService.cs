using EventPlatform.Catalog.Application.Organizers;
using EventPlatform.Catalog.Application.Events;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Domain;
using Grpc.Core;

namespace EventPlatform.Catalog.Grpc;

/// <summary>For other services only: the BFF never maps this service, so it cannot be reached from outside.</summary>
public sealed class CatalogInternalGrpcService(EventQueries queries, OrganizerQueries organizers) : CatalogInternalService.CatalogInternalServiceBase
{
    public const int MaxBatch = 500;

    public override async Task<BatchGetEventsResponse> BatchGetEvents(BatchGetEventsRequest request, ServerCallContext context)
    {
        if (request.Ids.Count > MaxBatch)
        {
            throw new InvalidInputException("ids", $"At most {MaxBatch} ids per call.");
        }

        var ids = request.Ids.Distinct().Select(id => EventMapping.ToEventId(id, "ids")).ToList();
        var events = await queries.BatchGetAsync(ids, context.CancellationToken);
        return new BatchGetEventsResponse { Events = { events.Select(e => e.ToContract()) } };
    }

    public override async Task<Organizer> GetOrganizerForBilling(GetOrganizerRequest request, ServerCallContext context) =>
        (await organizers.GetAsync(OrganizerMapping.ToOrganizerId(request.Id), context.CancellationToken)).ToContract();
}
