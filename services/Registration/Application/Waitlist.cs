using EventPlatform.Registration.Application.Sessions;
using EventPlatform.Registration.Domain.Policies;
using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application;

/// <summary>
/// Hands freed seats to the oldest waitlisted registrations. Callers hold the event's seat row lock
/// (<see cref="SeatLedger.LockAsync"/>), so two transactions never pick the same person and the order is kept.
/// </summary>
public sealed class Waitlist(
    RegistrationDbContext db, SeatLedger ledger, SessionChoices sessions, RegistrationEvents events, TimeProvider clock)
{
    /// <summary>
    /// A seat was just freed by a status change in this transaction: the oldest waitlisted registration gets it
    /// (the seat stays taken), or, with nobody waiting, it goes back to the ledger. Returns whether it went back.
    /// </summary>
    public async Task<bool> PassFreedSeatAsync(CapacityPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.Status == EventRegistrationStatus.Open && await OldestAsync(policy.EventId, cancellationToken) is { } next)
        {
            next.PromoteFromWaitlist(policy, clock.GetUtcNow());
            await sessions.ApplyRequestedAsync(next, cancellationToken);
            await events.PromotedAsync(next);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        await ledger.ReleaseAsync(policy.EventId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Promotes while PostgreSQL has free seats and people wait, at most <paramref name="atMost"/> (capacity raised by
    /// that much: seats Redis granted to attempts still on their way are not the waitlist's).
    /// </summary>
    public async Task<int> PromoteWhileSeatsFreeAsync(CapacityPolicy policy, CancellationToken cancellationToken, int atMost = int.MaxValue)
    {
        var promoted = 0;
        while (promoted < atMost && policy.Status == EventRegistrationStatus.Open && await OldestAsync(policy.EventId, cancellationToken) is { } next
            && await ledger.TryTakeAsync(policy.EventId, cancellationToken))
        {
            next.PromoteFromWaitlist(policy, clock.GetUtcNow());
            await sessions.ApplyRequestedAsync(next, cancellationToken);
            await events.PromotedAsync(next);
            await db.SaveChangesAsync(cancellationToken);
            promoted++;
        }

        return promoted;
    }

    // Not composed by EF (ToList, not FirstOrDefault), so the locking clause stays on the outer query.
    private async Task<Domain.Registrations.Registration?> OldestAsync(Guid eventId, CancellationToken cancellationToken) =>
        (await db.Registrations
            .FromSqlInterpolated($"SELECT * FROM registrations WHERE event_id = {eventId} AND status = 'Waitlisted' ORDER BY waitlist_ticket LIMIT 1 FOR UPDATE")
            .ToListAsync(cancellationToken)).FirstOrDefault();
}
