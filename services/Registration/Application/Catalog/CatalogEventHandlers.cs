using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging.Handling;
using EventPlatform.Registration.Application.Sessions;
using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application.Catalog;

/// <summary>
/// Keeps the capacity policy in step with catalog. Runs in the bus's transaction (with the inbox record); a capacity
/// raise hands the new seats to the waitlist in that same transaction.
/// </summary>
public sealed class ProjectCapacityPolicy(
    Policies policies, Waitlist waitlist, RedisSeatGate gate, RegistrationDbContext db, SeatLedger ledger,
    SessionChoices sessions, RegistrationEvents events, TimeProvider clock)
    : IIntegrationEventHandler<EventPublished>, IIntegrationEventHandler<EventUpdated>,
      IIntegrationEventHandler<RegistrationsClosed>, IIntegrationEventHandler<EventCancelled>
{
    public Task HandleAsync(EventPublished message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventUpdated message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(RegistrationsClosed message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    /// <summary>
    /// Cancels every active registration of the event in the bus's transaction (the inbox runs this once). Seats are
    /// freed, never passed on: the waitlisted are cancelled too, so there is nobody to promote.
    /// </summary>
    public async Task HandleAsync(EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        await ProjectAsync(message.Event, cancellationToken);
        var eventId = Guid.Parse(message.Event.Id);
        // The seat row first, as every seat-freeing transaction: no cancellation or hold expiry runs alongside.
        await ledger.LockAsync(eventId, cancellationToken);
        var active = await db.Registrations
            .Where(r => r.EventId == eventId && RegistrationStatuses.Active.Contains(r.Status))
            .ToListAsync(cancellationToken);
        var reason = string.IsNullOrWhiteSpace(message.Reason) ? "The event was cancelled." : message.Reason;
        var now = clock.GetUtcNow();
        foreach (var registration in active)
        {
            var previous = registration.Status;
            var heldSessions = registration.SessionIds.ToList();
            var released = registration.Cancel(CancellationCause.EventCancelled, reason, now);
            await sessions.ReleaseAsync(heldSessions, cancellationToken);
            if (released)
            {
                await ledger.ReleaseAsync(eventId, cancellationToken);
            }

            events.Cancelled(registration, previous, released);
        }

        await db.SaveChangesAsync(cancellationToken);
        // Nothing may be granted any more; the policy's Cancelled status refuses new attempts either way.
        await gate.ForgetAsync(eventId);
    }

    private async Task ProjectAsync(Event e, CancellationToken cancellationToken)
    {
        var (eventId, terms) = e.ToTerms();
        // A capacity change updates the seat row first, which locks it for the rest of the transaction.
        var before = await policies.ProjectAsync(eventId, terms, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (before is not { } previous || previous == terms.Capacity)
        {
            return;
        }

        if (terms.Capacity < previous)
        {
            // The next attempt rebuilds the counter from PostgreSQL; a stale counter could only be too generous.
            await gate.ForgetAsync(eventId);
            return;
        }

        var policy = await db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, cancellationToken);
        var promoted = await waitlist.PromoteWhileSeatsFreeAsync(policy, cancellationToken, atMost: terms.Capacity - previous);
        // Before the commit on purpose: should the commit fail, the redelivery adds them again, and a counter that
        // is too high is only a cost (PostgreSQL refuses), never an oversell; reconciliation trims it.
        if (terms.Capacity - previous - promoted is > 0 and var added)
        {
            await gate.GiveBackAsync(eventId, added);
        }
    }
}
