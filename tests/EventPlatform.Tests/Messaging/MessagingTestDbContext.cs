using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Tests.Messaging;

/// <summary>
/// The database of a small service of the tests' own: a publisher records confirmed registrations, a consumer issues
/// invoices for them. Each test "service" gets its own database with this schema plus the outbox and inbox.
/// </summary>
internal sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public DbSet<ConfirmedRegistration> Registrations => Set<ConfirmedRegistration>();

    public DbSet<IssuedInvoice> Invoices => Set<IssuedInvoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessaging();
        modelBuilder.Entity<ConfirmedRegistration>(registration =>
        {
            registration.ToTable("registrations");
            registration.HasKey(r => r.Id);
        });
        modelBuilder.Entity<IssuedInvoice>(invoice =>
        {
            invoice.ToTable("invoices");
            invoice.HasKey(i => i.Number);
            invoice.Property(i => i.Number).UseIdentityByDefaultColumn();
        });
    }
}

internal sealed class ConfirmedRegistration
{
    public required string Id { get; init; }

    public required string EventId { get; init; }

    public required string AttendeeEmail { get; init; }
}

/// <summary>The consumer's effect: one row per applied event. Its number gives the order invoices were issued in.</summary>
internal sealed class IssuedInvoice
{
    public long Number { get; init; }

    public required string RegistrationId { get; init; }

    public required string EventId { get; init; }

    public required string MessageId { get; init; }
}
