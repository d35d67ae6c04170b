using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Infrastructure.Seats;

/// <summary>Session seats in PostgreSQL, one row per session, in the caller's transaction.</summary>
public sealed class SessionSeatLedger(RegistrationDbContext db) : ISessionSeatLedger
{
    public async Task RecordAsync(IEnumerable<Session> sessions, CancellationToken cancellationToken)
    {
        foreach (var session in sessions.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO session_seats (session_id, event_id, capacity, taken) VALUES ({session.Id}, {session.EventId}, {session.Capacity}, 0) ON CONFLICT (session_id) DO UPDATE SET capacity = excluded.capacity",
                cancellationToken);
        }
    }

    public async Task<bool> TryTakeAsync(string sessionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE session_seats SET taken = taken + 1 WHERE session_id = {sessionId} AND (capacity = 0 OR taken < capacity)",
            cancellationToken) == 1;

    public async Task ReleaseAsync(string sessionId, CancellationToken cancellationToken)
    {
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE session_seats SET taken = taken - 1 WHERE session_id = {sessionId} AND taken > 0", cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Session {sessionId} has no taken seat to release: session accounting is inconsistent.");
        }
    }
}
