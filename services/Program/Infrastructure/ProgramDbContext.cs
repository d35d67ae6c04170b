using EventPlatform.Messaging;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Infrastructure;

public sealed class ProgramDbContext(DbContextOptions<ProgramDbContext> options) : DbContext(options)
{
    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<Session> Sessions => Set<Session>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder
            // GiST indexes over uuid equality, which the schedule's exclusion constraints combine with time ranges.
            .HasPostgresExtension("btree_gist")
            .ApplyConfigurationsFromAssembly(typeof(ProgramDbContext).Assembly)
            .AddMessaging();
}
