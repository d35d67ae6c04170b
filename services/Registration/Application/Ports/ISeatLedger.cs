namespace EventPlatform.Registrations.Application.Ports;

/// <summary>
/// The source of truth for an event's seats, in the caller's transaction: a seat changes hands exactly when the
/// registration row that explains it commits.
/// </summary>
public interface ISeatLedger
{
    /// <summary>Creates the event's row, or changes its capacity (catalog refuses to lower it below the taken seats).</summary>
    Task SetCapacityAsync(Guid eventId, int capacity, CancellationToken cancellationToken);

    /// <summary>Takes one seat if one is free; false when the event is full.</summary>
    Task<bool> TryTakeAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="wanted"/> seats in one statement; returns how many were free to take.</summary>
    Task<int> TakeUpToAsync(Guid eventId, int wanted, CancellationToken cancellationToken);

    Task ReleaseAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Serializes the transactions that free seats of one event and hand them to the waitlist, so two cancellations
    /// never promote the same waitlisted registration and the waitlist is served strictly in order.
    /// </summary>
    Task LockAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>capacity - taken as committed now; null when the event is unknown here.</summary>
    Task<int?> FreeSeatsAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>Arrival order on every waitlist: a ticket is drawn when a registration is waitlisted.</summary>
    Task<long> NextWaitlistTicketAsync(CancellationToken cancellationToken);

    /// <summary><paramref name="count"/> tickets in ascending order, in one round trip.</summary>
    Task<IReadOnlyList<long>> NextWaitlistTicketsAsync(int count, CancellationToken cancellationToken);
}
