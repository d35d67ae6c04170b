using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Catalog;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// The capacity policies projected from catalog's events. A registration may arrive before the projection caught
/// up with a just-published event: then catalog is asked directly and the answer projected the same way.
/// </summary>
public sealed class Policies(
    CommandPipeline<RegistrationDbContext> pipeline, ISeatLedger ledger, ICatalogEvents catalog, IOptions<RegistrationOptions> options)
{
    public async Task<CapacityPolicy> GetAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var db = pipeline.Db;
        if (await db.CapacityPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == eventId, cancellationToken) is { } policy)
        {
            return policy;
        }

        var fetched = await catalog.FindAsync(eventId, cancellationToken)
            ?? throw new NotFoundException("event", eventId.ToString());
        var (fetchedId, terms) = TermsOf(fetched);
        try
        {
            await pipeline.RunAsync((_, token) => ProjectAsync(fetchedId, terms, token), cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The catalog event's handler, or a concurrent registration, projected the same event first: use theirs.
        }

        return await db.CapacityPolicies.AsNoTracking().SingleAsync(p => p.EventId == eventId, cancellationToken);
    }

    /// <summary>What the policy of a catalog event says, with this service's hold duration.</summary>
    public (Guid EventId, PolicyTerms Terms) TermsOf(Contracts.Catalog.V1.Event e) => e.ToTerms(options.Value.HoldDuration);

    /// <summary>Creates or updates the policy and the event's seat row; returns the capacity before (null if new).</summary>
    public async Task<int?> ProjectAsync(Guid eventId, PolicyTerms terms, CancellationToken cancellationToken)
    {
        var db = pipeline.Db;
        var policy = await db.CapacityPolicies.FindAsync([eventId], cancellationToken);
        var before = policy?.Capacity;
        if (policy is null)
        {
            db.CapacityPolicies.Add(CapacityPolicy.For(eventId, terms));
        }
        else
        {
            policy.Apply(terms);
        }

        if (before != terms.Capacity)
        {
            await ledger.SetCapacityAsync(eventId, terms.Capacity, cancellationToken);
        }

        return before;
    }
}
