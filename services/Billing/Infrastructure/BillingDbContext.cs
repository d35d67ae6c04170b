using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Billing.Infrastructure;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly).AddMessaging();
}
