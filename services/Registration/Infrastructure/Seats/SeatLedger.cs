using EventPlatform.Registrations.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Infrastructure.Seats;

/// <summary>The seat ledger in PostgreSQL: one row per event, changed only by guarded statements in the caller's transaction.</summary>
public sealed class SeatLedger(RegistrationDbContext db) : ISeatLedger
{
    public Task SetCapacityAsync(Guid eventId, int capacity, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO event_seats (event_id, capacity, taken) VALUES ({eventId}, {capacity}, 0) ON CONFLICT (event_id) DO UPDATE SET capacity = excluded.capacity",
            cancellationToken);

    /// <summary>0 rows updated means the event is full.</summary>
    public async Task<bool> TryTakeAsync(Guid eventId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE event_seats SET taken = taken + 1 WHERE event_id = {eventId} AND taken < capacity", cancellationToken) == 1;

    /// <summary>
    /// The row is locked by the sub-select before the free seats are counted, so what is added is computed from the
    /// latest committed row; the CHECK on taken &lt;= capacity stays the last line of defence.
    /// </summary>
    public async Task<int> TakeUpToAsync(Guid eventId, int wanted, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"""
            UPDATE event_seats e SET taken = e.taken + free.n
            FROM (SELECT LEAST({wanted}, capacity - taken) AS n FROM event_seats WHERE event_id = {eventId} FOR UPDATE) free
            WHERE e.event_id = {eventId} AND free.n > 0
            RETURNING free.n AS "Value"
            """).ToListAsync(cancellationToken) is [var taken] ? taken : 0;

    public async Task ReleaseAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE event_seats SET taken = taken - 1 WHERE event_id = {eventId} AND taken > 0", cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Event {eventId} has no taken seat to release: seat accounting is inconsistent.");
        }
    }

    public Task LockAsync(Guid eventId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM event_seats WHERE event_id = {eventId} FOR UPDATE", cancellationToken);

    public async Task<int?> FreeSeatsAsync(Guid eventId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int?>($"SELECT capacity - taken AS \"Value\" FROM event_seats WHERE event_id = {eventId}")
            .SingleOrDefaultAsync(cancellationToken);

    public Task<long> NextWaitlistTicketAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"SELECT nextval('waitlist_tickets') AS \"Value\"").SingleAsync(cancellationToken);

    public async Task<IReadOnlyList<long>> NextWaitlistTicketsAsync(int count, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT nextval('waitlist_tickets') AS \"Value\" FROM generate_series(1, {count}) ORDER BY 1")
            .ToListAsync(cancellationToken);
}
