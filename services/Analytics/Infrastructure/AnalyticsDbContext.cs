using EventPlatform.Analytics.Domain.Facts;
using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Analytics.Infrastructure;

public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<EventFact> Events => Set<EventFact>();

    public DbSet<RegistrationFact> Registrations => Set<RegistrationFact>();

    public DbSet<PaymentFact> Payments => Set<PaymentFact>();

    public DbSet<RefundFact> Refunds => Set<RefundFact>();

    public DbSet<DocumentFact> Documents => Set<DocumentFact>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalyticsDbContext).Assembly).AddMessaging();
}
