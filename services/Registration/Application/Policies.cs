using EventPlatform.Domain;
using EventPlatform.Registration.Domain.Policies;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application;

/// <summary>What catalog says about an event, as registration needs it; null when catalog does not know the event.</summary>
public interface ICatalogEvents
{
    Task<CatalogEventTerms?> FindAsync(Guid eventId, CancellationToken cancellationToken);
}

public sealed record CatalogEventTerms(Guid EventId, PolicyTerms Terms);

/// <summary>
/// The capacity policies projected from catalog's events. A registration may arrive before the projection caught
/// up with a just-published event: then catalog is asked directly and the answer projected the same way.
/// </summary>
public sealed class Policies(RegistrationDbContext db, SeatLedger ledger, ICatalogEvents catalog)
{
    public async Task<CapacityPolicy> GetAsync(Guid eventId, CancellationToken cancellationToken)
    {
        if (await db.CapacityPolicies.FindAsync([eventId], cancellationToken) is { } policy)
        {
            return policy;
        }

        var fetched = await catalog.FindAsync(eventId, cancellationToken)
            ?? throw new NotFoundException("event", eventId.ToString());
        await ProjectAsync(fetched.EventId, fetched.Terms, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The catalog event's handler, or a concurrent registration, projected the same event first: use theirs.
            db.ChangeTracker.Clear();
        }

        return await db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, cancellationToken);
    }

    /// <summary>Creates or updates the policy and the event's seat row; returns the capacity before (null if new).</summary>
    public async Task<int?> ProjectAsync(Guid eventId, PolicyTerms terms, CancellationToken cancellationToken)
    {
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
