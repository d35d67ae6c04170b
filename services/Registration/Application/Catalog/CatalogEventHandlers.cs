using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging.Handling;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application.Catalog;

/// <summary>
/// Keeps the capacity policy in step with catalog. Runs in the bus's transaction (with the inbox record); a capacity
/// raise hands the new seats to the waitlist in that same transaction.
/// </summary>
public sealed class ProjectCapacityPolicy(
    Policies policies, Waitlist waitlist, RedisSeatGate gate, RegistrationDbContext db)
    : IIntegrationEventHandler<EventPublished>, IIntegrationEventHandler<EventUpdated>,
      IIntegrationEventHandler<RegistrationsClosed>, IIntegrationEventHandler<EventCancelled>
{
    public Task HandleAsync(EventPublished message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventUpdated message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(RegistrationsClosed message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

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
        var promoted = await waitlist.PromoteWhileSeatsFreeAsync(policy, cancellationToken);
        // Before the commit on purpose: should the commit fail, the redelivery adds them again, and a counter that
        // is too high is only a cost (PostgreSQL refuses), never an oversell; reconciliation trims it.
        if (terms.Capacity - previous - promoted is > 0 and var added)
        {
            await gate.GiveBackAsync(eventId, added);
        }
    }
}
