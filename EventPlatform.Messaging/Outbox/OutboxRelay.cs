using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// Publishes the outbox for as long as the service runs: a round as soon as a commit notifies it, again at once while
/// rows keep coming, and every poll interval regardless. Any number of replicas may run it; they share the keys.
/// </summary>
internal sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxNotifications notifications,
    OutboxBatchPublisher<TDbContext> batches,
    IOptions<EventBusOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly Backoff AfterFailure = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var openListener = await PrepareAsync(stoppingToken);
        if (openListener is null)
        {
            return;
        }

        var pollInterval = options.Value.Outbox.PollInterval;
        var listening = notifications.ListenAsync(openListener, pollInterval, stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await batches.PublishNextBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = AfterFailure.After(++failures);
                logger.RelayFailed(e, delay);
                await Backoff.DelayAsync(delay, clock, stoppingToken);
                continue;
            }

            if (!more)
            {
                await notifications.WaitAsync(pollInterval, stoppingToken);
            }
        }

        await listening;
    }

    /// <summary>
    /// Installs the insert trigger, waiting for the table if the service's migrations have not created it yet, and
    /// returns how to open the notification connection (a clone of the DbContext's, credentials included).
    /// </summary>
    private async Task<Func<NpgsqlConnection>?> PrepareAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var tables = MessagingTables.Of(db);
                await using var opened = await OpenedConnection.OpenAsync(db, stoppingToken);
                var connection = opened.Connection;
                await OutboxSchema.EnsureInstalledAsync(connection, tables, stoppingToken);

                var listener = new NpgsqlConnectionStringBuilder(connection.ConnectionString)
                {
                    // A connection of its own for as long as the service runs: not taken from, nor returned to, the pool.
                    Pooling = false,
                    Enlist = false,
                    KeepAlive = 30,
                };
                // Cloned while the DbContext's connection is alive; the clone carries its credentials beyond the scope.
                var template = connection.CloneWith(listener.ConnectionString);
                return () => template.CloneWith(listener.ConnectionString);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException e)
            {
                // The database is not reachable yet, or the migrations have not created the table: wait. A DbContext
                // without AddMessaging() is a bug, not a wait: it escapes and stops the service with its message.
                var delay = AfterFailure.After(++failures);
                logger.RelayNotReady(options.Value.ServiceName, e.Message, delay);
                await Backoff.DelayAsync(delay, clock, stoppingToken);
            }
        }

        return null;
    }
}
