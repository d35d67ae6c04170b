using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Infrastructure.Seats;

/// <summary>
/// PostgreSQL side of seat accounting. Every method runs in the caller's transaction, so a seat changes hands
/// exactly when the registration row that explains it commits.
/// </summary>
public sealed class SeatLedger(RegistrationDbContext db)
{
    /// <summary>Creates the event's row, or changes its capacity (catalog refuses to lower it below the taken seats).</summary>
    public Task SetCapacityAsync(Guid eventId, int capacity, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO event_seats (event_id, capacity, taken) VALUES ({eventId}, {capacity}, 0) ON CONFLICT (event_id) DO UPDATE SET capacity = excluded.capacity",
            cancellationToken);

    /// <summary>Takes one seat if one is free: 0 rows updated means the event is full.</summary>
    public async Task<bool> TryTakeAsync(Guid eventId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE event_seats SET taken = taken + 1 WHERE event_id = {eventId} AND taken < capacity", cancellationToken) == 1;

    public async Task ReleaseAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE event_seats SET taken = taken - 1 WHERE event_id = {eventId} AND taken > 0", cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Event {eventId} has no taken seat to release: seat accounting is inconsistent.");
        }
    }

    /// <summary>
    /// Serializes the transactions that free seats of one event and hand them to the waitlist, so two cancellations
    /// never promote the same waitlisted registration and the waitlist is served strictly in order.
    /// </summary>
    public Task LockAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM event_seats WHERE event_id = {eventId} FOR UPDATE", cancellationToken);

    /// <summary>capacity - taken as committed now; null when the event is unknown here.</summary>
    public async Task<int?> FreeSeatsAsync(Guid eventId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int?>($"SELECT capacity - taken AS \"Value\" FROM event_seats WHERE event_id = {eventId}")
            .SingleOrDefaultAsync(cancellationToken);

    public Task<long> NextWaitlistTicketAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"SELECT nextval('waitlist_tickets') AS \"Value\"").SingleAsync(cancellationToken);
}
