using System.Collections.Concurrent;
using System.Diagnostics;
using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// One relay round, in one transaction: lock the oldest pending ordering keys, publish their rows (keys side by side,
/// each key's rows one after another, stopping at a key's first failure), record what was sent and when a failed row
/// is tried again, commit. A relay that dies mid-round leaves its rows pending: they are published again (the inbox
/// absorbs the duplicate), never lost.
/// </summary>
internal sealed class OutboxBatchPublisher<TDbContext>(
    IServiceScopeFactory scopes,
    ITransportPublisher transport,
    MessagingMetrics metrics,
    IOptions<EventBusOptions> options,
    TimeProvider clock,
    ILogger<OutboxBatchPublisher<TDbContext>> logger) where TDbContext : DbContext
{
    /// <summary>Returns true when more rows are probably waiting, so the relay goes again at once.</summary>
    public async Task<bool> PublishNextBatchAsync(CancellationToken cancellationToken)
    {
        var outbox = options.Value.Outbox;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var store = new OutboxStore(MessagingTables.Of(db));
        await using var opened = await OpenedConnection.OpenAsync(db, cancellationToken);
        var connection = opened.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var keys = await store.LockKeysAsync(
            connection, transaction, clock.GetUtcNow(), scan: outbox.BatchSize * 4, outbox.MaxKeysPerBatch, cancellationToken);
        if (keys.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var rows = await store.LoadAsync(connection, transaction, keys, outbox.BatchSize, cancellationToken);
        var sent = new ConcurrentQueue<Guid>();
        var failed = new ConcurrentQueue<(OutboxRow Row, string Error)>();
        await Parallel.ForEachAsync(
            rows.GroupBy(r => r.OrderingKey),
            new ParallelOptions { MaxDegreeOfParallelism = outbox.MaxParallelKeys, CancellationToken = cancellationToken },
            async (key, token) =>
            {
                foreach (var row in key)
                {
                    try
                    {
                        await PublishAsync(row, token);
                        sent.Enqueue(row.Id);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        // The key's later rows wait behind this one: publishing them now would reorder the key.
                        failed.Enqueue((row, e.Message));
                        break;
                    }
                }
            });

        await store.MarkSentAsync(connection, transaction, sent, clock.GetUtcNow(), cancellationToken);
        foreach (var (row, error) in failed)
        {
            var attempt = row.Attempts + 1;
            var nextAttemptAt = clock.GetUtcNow() + new Backoff(outbox.RetryBaseDelay, outbox.RetryMaxDelay).After(attempt);
            await store.MarkFailedAsync(connection, transaction, row.Id, nextAttemptAt, error, cancellationToken);
            logger.PublishFailed(row.Type, row.Id, row.OrderingKey, row.Topic, attempt, error, nextAttemptAt);
        }

        await transaction.CommitAsync(cancellationToken);
        return failed.IsEmpty && (rows.Count == outbox.BatchSize || keys.Count == outbox.MaxKeysPerBatch);
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var topic = options.Value.PhysicalTopic(row.Topic);
        var envelope = row.ToEnvelope(options.Value.ServiceName);
        using var activity = MessagingActivities.StartPublish(transport.System, topic, envelope);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await transport.PublishAsync(topic, envelope.WithTraceContextOf(activity), cancellationToken);
            metrics.Published(transport.System, topic, row.Type, started, succeeded: true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity.RecordFailure(e);
            metrics.Published(transport.System, topic, row.Type, started, succeeded: false);
            throw;
        }
    }
}
