using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.ServiceDefaults.Data;

/// <summary>
/// Applies pending migrations at start. Hosted services start before the web server, so no call is served on an
/// old schema; EF Core takes a database lock, so replicas starting together migrate once.
/// </summary>
internal sealed class MigrateDatabaseOnStart<TContext>(IServiceProvider services) : IHostedService where TContext : DbContext
{
    private static readonly ActivitySource Source = new("EventPlatform.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"Migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
        // Without the history table, Migrate first logs a failed SELECT on it: make it exist, and a fresh database
        // starts without an error in its log.
        await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
