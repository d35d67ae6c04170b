using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Outbox;

/// <summary>Prunes sent outbox rows and old inbox records past their retention, a chunk at a time.</summary>
internal sealed class MessagingRetention<TDbContext>(
    IServiceScopeFactory scopes, IOptions<EventBusOptions> options, TimeProvider clock, ILogger<MessagingRetention<TDbContext>> logger)
    : BackgroundService where TDbContext : DbContext
{
    private const int Chunk = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Outbox.PruneInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Backoff.DelayAsync(interval, clock, stoppingToken);
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.HousekeepingFailed(e, "pruning the outbox and inbox", interval);
            }
        }
    }

    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var tables = MessagingTables.Of(db);
        var store = new OutboxStore(tables);
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = opened.Connection;
        var now = clock.GetUtcNow();

        var sentBefore = now - options.Value.Outbox.Retention;
        var pruned = await RepeatAsync(() => store.PruneSentAsync(connection, sentBefore, Chunk, cancellationToken));
        if (pruned > 0)
        {
            logger.Pruned(pruned, tables.Outbox, sentBefore);
        }

        var handledBefore = now - options.Value.Inbox.Retention;
        pruned = await RepeatAsync(() => InboxRecords.PruneAsync(connection, tables, handledBefore, Chunk, cancellationToken));
        if (pruned > 0)
        {
            logger.Pruned(pruned, tables.Inbox, handledBefore);
        }
    }

    private static async Task<int> RepeatAsync(Func<Task<int>> deleteChunk)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteChunk();
            total += deleted;
        }
        while (deleted == Chunk);
        return total;
    }
}
