using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Bench.Messaging;

/// <summary>A service's database reduced to what the benchmark needs: the publisher's state, the consumer's effect.</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<Confirmation> Confirmations => Set<Confirmation>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessaging();
        modelBuilder.Entity<Confirmation>().ToTable("confirmations").HasKey(c => c.Id);
        modelBuilder.Entity<Invoice>().ToTable("invoices").HasKey(i => i.Id);
    }
}

internal sealed class Confirmation
{
    public required string Id { get; init; }

    public required string EventId { get; init; }
}

internal sealed class Invoice
{
    public required string Id { get; init; }

    public required string RegistrationId { get; init; }
}
