using EventPlatform.Messaging;
using EventPlatform.Registration.Domain.Policies;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Infrastructure;

public sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : DbContext(options)
{
    public DbSet<Domain.Registrations.Registration> Registrations => Set<Domain.Registrations.Registration>();

    public DbSet<CapacityPolicy> CapacityPolicies => Set<CapacityPolicy>();

    public DbSet<EventSeats> EventSeats => Set<EventSeats>();

    public DbSet<SessionSeats> SessionSeats => Set<SessionSeats>();

    /// <summary>
    /// The registration, row-locked until the transaction ends; null if there is none. Not composed by EF (ToList, not
    /// SingleOrDefault), so the locking clause stays on the outer query.
    /// </summary>
    public async Task<Domain.Registrations.Registration?> LockRegistrationAsync(Guid id, CancellationToken cancellationToken) =>
        (await Registrations.FromSqlInterpolated($"SELECT * FROM registrations WHERE id = {id} FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Arrival order on every waitlist: a ticket is drawn when a registration is waitlisted.
        modelBuilder.HasSequence<long>(EventSeatsConfiguration.WaitlistTickets);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistrationDbContext).Assembly).AddMessaging();
    }
}
