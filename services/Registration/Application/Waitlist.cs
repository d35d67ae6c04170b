using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Infrastructure;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// Hands freed seats to the oldest waitlisted registrations. Callers hold the event's seat row lock
/// (<see cref="ISeatLedger.LockAsync"/>), so two transactions never pick the same person and the order is kept.
/// </summary>
public sealed class Waitlist(RegistrationDbContext db, ISeatLedger ledger, SessionChoices sessions, TimeProvider clock)
{
    /// <summary>
    /// A seat was just freed by a status change in this transaction: the oldest waitlisted registration gets it
    /// (the seat stays taken), or, with nobody waiting, it goes back to the ledger. Returns whether it went back.
    /// </summary>
    public async Task<bool> PassFreedSeatAsync(CapacityPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.Status == EventRegistrationStatus.Open && await db.OldestWaitlistedForUpdateAsync(policy.EventId, cancellationToken) is { } next)
        {
            next.PromoteFromWaitlist(policy, clock.GetUtcNow());
            await sessions.ApplyRequestedAsync(next, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        await ledger.ReleaseAsync(policy.EventId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Promotes while the ledger has free seats and people wait, at most <paramref name="atMost"/> (capacity raised by
    /// that much: seats the gate granted to attempts still on their way are not the waitlist's).
    /// </summary>
    public async Task<int> PromoteWhileSeatsFreeAsync(CapacityPolicy policy, CancellationToken cancellationToken, int atMost = int.MaxValue)
    {
        var promoted = 0;
        while (promoted < atMost && policy.Status == EventRegistrationStatus.Open
            && await db.OldestWaitlistedForUpdateAsync(policy.EventId, cancellationToken) is { } next
            && await ledger.TryTakeAsync(policy.EventId, cancellationToken))
        {
            next.PromoteFromWaitlist(policy, clock.GetUtcNow());
            await sessions.ApplyRequestedAsync(next, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            promoted++;
        }

        return promoted;
    }
}
