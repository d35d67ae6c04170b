using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Outbox;

/// <summary>Measures the backlog on a timer, so a metrics scrape never waits on the database.</summary>
internal sealed class OutboxBacklogProbe<TDbContext>(
    IServiceScopeFactory scopes, OutboxBacklog backlog, IOptions<EventBusOptions> options, TimeProvider clock, ILogger<OutboxBacklogProbe<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Outbox.BacklogRefreshInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var store = new OutboxStore(MessagingTables.Of(db));
                await using var opened = await OpenedConnection.OpenAsync(db, stoppingToken);
                var (pending, oldest) = await store.ReadBacklogAsync(opened.Connection, stoppingToken);
                backlog.Update(pending, oldest);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.HousekeepingFailed(e, "measuring the outbox backlog", interval);
            }

            await Backoff.DelayAsync(interval, clock, stoppingToken);
        }
    }
}
