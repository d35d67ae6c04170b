using EventPlatform.Catalog.Domain.Events;

namespace EventPlatform.Catalog.Application.Ports;

/// <summary>How many seats of an event are taken, as registration (the source of truth) counts them.</summary>
public interface ISeatCounts
{
    /// <summary>Confirmed plus held seats, or null when registration cannot say right now.</summary>
    Task<int?> TakenSeatsAsync(EventId id, CancellationToken cancellationToken);
}
