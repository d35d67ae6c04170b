using EventPlatform.Messaging;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;
using EventPlatform.Registrations.Domain.Registrations;

namespace EventPlatform.Registrations.Infrastructure;

public sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : DbContext(options)
{
    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<CapacityPolicy> CapacityPolicies => Set<CapacityPolicy>();

    public DbSet<EventSeats> EventSeats => Set<EventSeats>();

    public DbSet<SessionSeats> SessionSeats => Set<SessionSeats>();

    /// <summary>
    /// The registration, row-locked until the transaction ends; null if there is none. Not composed by EF (ToList, not
    /// SingleOrDefault), so the locking clause stays on the outer query.
    /// </summary>
    public async Task<Registration?> LockRegistrationAsync(Guid id, CancellationToken cancellationToken) =>
        (await Registrations.FromSqlInterpolated($"SELECT * FROM registrations WHERE id = {id} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>The next in line on the event's waitlist, row-locked; null when nobody waits.</summary>
    public async Task<Registration?> OldestWaitlistedForUpdateAsync(Guid eventId, CancellationToken cancellationToken) =>
        (await Registrations
            .FromSqlInterpolated($"SELECT * FROM registrations WHERE event_id = {eventId} AND status = 'Waitlisted' ORDER BY waitlist_ticket LIMIT 1 FOR UPDATE")
            .ToListAsync(cancellationToken)).FirstOrDefault();

    /// <summary>
    /// The registration if its hold lapsed, row-locked; null when it did not, or when another transaction is changing
    /// it (SKIP LOCKED: whoever holds it decides).
    /// </summary>
    public async Task<Registration?> LapsedHoldForUpdateAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await Registrations
            .FromSqlInterpolated($"SELECT * FROM registrations WHERE id = {id} AND status = 'Pending' AND hold_deadline <= {now} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken)).FirstOrDefault();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Arrival order on every waitlist: a ticket is drawn when a registration is waitlisted.
        modelBuilder.HasSequence<long>(EventSeatsConfiguration.WaitlistTickets);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistrationDbContext).Assembly).AddMessaging();
    }
}
