using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Catalog.Application.Events;

public sealed record CreateEvent(string RequestId, string OrganizerId, EventDetails Details);

public sealed class CreateEventHandler(CatalogDbContext db, TimeProvider clock)
{
    /// <summary>Creates a Draft event; the same request id twice returns the event the first call created.</summary>
    public async Task<Event> HandleAsync(CreateEvent command, CancellationToken cancellationToken)
    {
        if (await FindByRequestIdAsync(command.RequestId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var created = Event.CreateDraft(EventId.New(), command.OrganizerId, command.Details, clock.GetUtcNow());
        db.Events.Add(created);
        db.Entry(created).Property(EventConfiguration.RequestId).CurrentValue = command.RequestId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent retry with the same key won the race: answer with its event.
            db.ChangeTracker.Clear();
            return await FindByRequestIdAsync(command.RequestId, cancellationToken)
                ?? throw new InvalidOperationException("Unique violation without a row for the request id.", e);
        }
    }

    private Task<Event?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().SingleOrDefaultAsync(
            e => EF.Property<string>(e, EventConfiguration.RequestId) == requestId, cancellationToken);
}
