using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging.Handling;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application.Catalog;

/// <summary>
/// Keeps the capacity policy in step with catalog. Runs in the bus's transaction (with the inbox record); a capacity
/// raise hands the new seats to the waitlist in that same transaction.
/// </summary>
public sealed class ProjectCapacityPolicy(
    CommandPipeline<RegistrationDbContext> pipeline, Policies policies, Waitlist waitlist, ISeatGate gate, ISeatLedger ledger,
    SessionChoices sessions, TimeProvider clock)
    : IIntegrationEventHandler<EventPublished>, IIntegrationEventHandler<EventUpdated>,
      IIntegrationEventHandler<RegistrationsClosed>, IIntegrationEventHandler<EventCancelled>
{
    public Task HandleAsync(EventPublished message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync((command, token) => ProjectAsync(message.Event, command, token), cancellationToken);

    public Task HandleAsync(EventUpdated message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync((command, token) => ProjectAsync(message.Event, command, token), cancellationToken);

    public Task HandleAsync(RegistrationsClosed message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync((command, token) => ProjectAsync(message.Event, command, token), cancellationToken);

    /// <summary>
    /// Cancels every active registration of the event in the bus's transaction (the inbox runs this once). Seats are
    /// freed, never passed on: the waitlisted are cancelled too, so there is nobody to promote.
    /// </summary>
    public Task HandleAsync(EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (command, token) =>
        {
            await ProjectAsync(message.Event, command, token);
            var eventId = Guid.Parse(message.Event.Id);
            // The seat row first, as every seat-freeing transaction: no cancellation or hold expiry runs alongside.
            await ledger.LockAsync(eventId, token);
            var active = await pipeline.Db.Registrations
                .Where(r => r.EventId == eventId && RegistrationStatuses.Active.Contains(r.Status))
                .ToListAsync(token);
            var reason = string.IsNullOrWhiteSpace(message.Reason) ? "The event was cancelled." : message.Reason;
            var policy = await pipeline.Db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, token);
            var now = clock.GetUtcNow();
            foreach (var registration in active)
            {
                var heldSessions = registration.SessionIds.ToList();
                var released = registration.Cancel(CancellationCause.EventCancelled, reason, policy, now);
                await sessions.ReleaseAsync(heldSessions, token);
                if (released)
                {
                    await ledger.ReleaseAsync(eventId, token);
                }
            }

            // Nothing may be granted any more; the policy's Cancelled status refuses new attempts either way.
            command.AfterCommit(() => gate.ForgetAsync(eventId));
        }, cancellationToken);

    private async Task ProjectAsync(Event e, CommandContext command, CancellationToken cancellationToken)
    {
        var (eventId, terms) = policies.TermsOf(e);
        // A capacity change updates the seat row first, which locks it for the rest of the transaction.
        var before = await policies.ProjectAsync(eventId, terms, cancellationToken);
        await pipeline.Db.SaveChangesAsync(cancellationToken);
        if (before is not { } previous || previous == terms.Capacity)
        {
            return;
        }

        if (terms.Capacity < previous)
        {
            // The next attempt rebuilds the counter from the ledger; a stale counter could only be too generous.
            command.AfterCommit(() => gate.ForgetAsync(eventId));
            return;
        }

        var policy = await pipeline.Db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, cancellationToken);
        var promoted = await waitlist.PromoteWhileSeatsFreeAsync(policy, cancellationToken, atMost: terms.Capacity - previous);
        // Should the commit fail, the redelivery adds them again: a counter that is too high is only a cost (the
        // ledger refuses), never an oversell; reconciliation trims it.
        if (terms.Capacity - previous - promoted is > 0 and var added)
        {
            command.AfterCommit(() => gate.GiveBackAsync(eventId, added));
        }
    }
}
