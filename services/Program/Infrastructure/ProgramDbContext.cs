using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Infrastructure;

public sealed class ProgramDbContext(DbContextOptions<ProgramDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProgramDbContext).Assembly);
}
