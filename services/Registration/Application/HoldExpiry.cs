using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application;

/// <summary>
/// Expires Pending registrations whose payment deadline passed, one per transaction, and passes each seat to the
/// next waitlisted registration. Driven by the table (not by timers per registration), so a restart loses nothing,
/// and SKIP LOCKED lets several replicas sweep at once without waiting on each other.
/// </summary>
public sealed class HoldExpiry(
    RegistrationDbContext db, UnitOfWork unitOfWork, SeatLedger ledger, Waitlist waitlist, RedisSeatGate gate,
    RegistrationEvents events, TimeProvider clock)
{
    /// <summary>Returns how many holds lapsed.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        var busy = new HashSet<Guid>();
        while (await NextDueAsync(busy, cancellationToken) is { } due)
        {
            if (await ExpireAsync(due.Id, due.EventId, cancellationToken))
            {
                expired++;
            }
            else
            {
                // Locked by a cancellation or another replica: whoever holds it decides; do not spin on it.
                busy.Add(due.Id);
            }

            db.ChangeTracker.Clear();
        }

        return expired;
    }

    private async Task<(Guid Id, Guid EventId)?> NextDueAsync(HashSet<Guid> busy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Pending && r.HoldDeadline <= now && !busy.Contains(r.Id))
            .OrderBy(r => r.HoldDeadline)
            .Select(r => new { r.Id, r.EventId })
            .FirstOrDefaultAsync(cancellationToken);
        return due is null ? null : (due.Id, due.EventId);
    }

    /// <summary>
    /// Locks the event's seat row before the registration, the order cancellations use, so the two never deadlock;
    /// SKIP LOCKED leaves a registration someone else is changing to them.
    /// </summary>
    private async Task<bool> ExpireAsync(Guid id, Guid eventId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var returned = false;
        var expired = await unitOfWork.RunAsync(async () =>
        {
            await ledger.LockAsync(eventId, cancellationToken);
            var due = (await db.Registrations
                .FromSqlInterpolated($"SELECT * FROM registrations WHERE id = {id} AND status = 'Pending' AND hold_deadline <= {now} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken)).FirstOrDefault();
            if (due is null)
            {
                return false;
            }

            var policy = await db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, cancellationToken);
            due.ExpireHold(now);
            events.Expired(due);
            returned = await waitlist.PassFreedSeatAsync(policy, cancellationToken);
            return true;
        }, cancellationToken);
        if (returned)
        {
            await gate.GiveBackAsync(eventId);
        }

        return expired;
    }
}
