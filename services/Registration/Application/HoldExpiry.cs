using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// Expires Pending registrations whose payment deadline passed, one per transaction, and passes each seat to the
/// next waitlisted registration. Driven by the table (not by timers per registration), so a restart loses nothing,
/// and SKIP LOCKED lets several replicas sweep at once without waiting on each other.
/// </summary>
public sealed class HoldExpiry(
    CommandPipeline<RegistrationDbContext> pipeline, ISeatLedger ledger, Waitlist waitlist, ISeatGate gate, TimeProvider clock)
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
        }

        return expired;
    }

    private async Task<(Guid Id, Guid EventId)?> NextDueAsync(HashSet<Guid> busy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await pipeline.Db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Pending && r.HoldDeadline <= now && !busy.Contains(r.Id))
            .OrderBy(r => r.HoldDeadline)
            .Select(r => new { r.Id, r.EventId })
            .FirstOrDefaultAsync(cancellationToken);
        return due is null ? null : (due.Id, due.EventId);
    }

    /// <summary>Locks the event's seat row before the registration, the order cancellations use, so the two never deadlock.</summary>
    private Task<bool> ExpireAsync(Guid id, Guid eventId, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (command, token) =>
        {
            var now = clock.GetUtcNow();
            await ledger.LockAsync(eventId, token);
            if (await pipeline.Db.LapsedHoldForUpdateAsync(id, now, token) is not { } due)
            {
                return false;
            }

            var policy = await pipeline.Db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, token);
            due.ExpireHold(now);
            if (await waitlist.PassFreedSeatAsync(policy, token))
            {
                command.AfterCommit(() => gate.GiveBackAsync(eventId));
            }

            return true;
        }, cancellationToken);
}
