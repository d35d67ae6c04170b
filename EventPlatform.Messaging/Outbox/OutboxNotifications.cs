using System.Threading.Channels;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// Wakes the relay when a transaction that enqueued events commits (LISTEN on the channel the insert trigger notifies).
/// A wake-up arriving while the relay is busy is kept, so none is lost between two waits; when the connection is down
/// the relay falls back to polling.
/// </summary>
internal sealed class OutboxNotifications(TimeProvider clock, ILogger<OutboxNotifications> logger)
{
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Listens until cancelled, reconnecting with backoff. <paramref name="openConnection"/> gives a new, unopened connection.</summary>
    public async Task ListenAsync(Func<NpgsqlConnection> openConnection, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = openConnection();
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, _) => WakeUp();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxSchema.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Whatever committed while nobody listened.
                WakeUp();
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.ListenerLost(e.Message, pollInterval);
                await Backoff.DelayAsync(Reconnect.After(++failures), clock, cancellationToken);
            }
        }
    }

    public void WakeUp() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns at the next wake-up, or after <paramref name="timeout"/> (the polling fallback).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
