using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Contracts.Registration.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using EventId = EventPlatform.Catalog.Domain.Events.EventId;
using EventPlatform.Catalog.Application.Ports;

namespace EventPlatform.Catalog.Infrastructure;

/// <summary>Asks registration, the source of truth for seats; if it cannot answer, the count is unknown (null).</summary>
internal sealed class RegistrationSeatCounts(
    RegistrationInternalService.RegistrationInternalServiceClient registration, ILogger<RegistrationSeatCounts> logger) : ISeatCounts
{
    public async Task<int?> TakenSeatsAsync(EventId id, CancellationToken cancellationToken)
    {
        try
        {
            var counts = await registration.GetSeatCountsAsync(
                new GetSeatCountsRequest { EventId = id.ToString() }, cancellationToken: cancellationToken);
            return counts.ConfirmedCount + counts.HeldCount;
        }
        catch (RpcException e) when (e.StatusCode is not StatusCode.Cancelled)
        {
            logger.LogWarning(e, "Registration did not give the seat counts of event {EventId}", id);
            return null;
        }
    }
}
