using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application;

/// <summary>Loading aggregates for change and saving them, with the failures callers must see named.</summary>
public sealed class CatalogStore(CatalogDbContext db)
{
    public CatalogDbContext Db => db;

    public async Task<Event> EventForChangeAsync(EventId id, CancellationToken cancellationToken) =>
        await db.Events.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Event), id.ToString());

    public async Task<Organizer> OrganizerAsync(OrganizerId id, CancellationToken cancellationToken) =>
        await db.Organizers.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Organizer), id.ToString());

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("It was changed by someone else meanwhile: read it again, then retry.");
        }
    }

    /// <summary>
    /// Adds a new aggregate under the client's idempotency key; if a concurrent call with the same key won, returns
    /// what that call created instead.
    /// </summary>
    public async Task<T> AddOnceAsync<T>(T created, string requestId, Func<IQueryable<T>, IQueryable<T>> find, CancellationToken cancellationToken)
        where T : class
    {
        db.Add(created);
        db.Entry(created).Property(Idempotency.RequestId).CurrentValue = requestId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await find(db.Set<T>().AsNoTracking().WithRequestId(requestId)).SingleOrDefaultAsync(cancellationToken)
                // Another unique value (an invoice prefix, say) was taken by a concurrent call.
                ?? throw new AlreadyExistsException(typeof(T).Name, requestId, $"A {typeof(T).Name} with the same unique values already exists.");
        }
    }
}
