using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Infrastructure;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();

    public DbSet<Organizer> Organizers => Set<Organizer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly).AddMessaging();
}
