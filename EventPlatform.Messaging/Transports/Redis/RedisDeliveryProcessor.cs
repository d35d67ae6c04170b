using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// Handles a batch of entries: unreadable ones are dead-lettered at once; the others are grouped by ordering key, the
/// keys handled concurrently and each key's entries strictly one after another. Whatever was handled is acknowledged,
/// even when the batch stops half-way, so it is not handled a second time.
/// </summary>
internal sealed class RedisDeliveryProcessor(
    IDatabase database, ConsumerSettings settings, DeliveryHandler handler, RedisDeadLetterWriter deadLetters, TimeProvider clock, ILogger logger)
{
    public async Task ProcessAsync(IReadOnlyList<RedisStreamEntry> entries, CancellationToken cancellationToken)
    {
        var readable = new List<(RedisStreamEntry Entry, IncomingMessage Message)>(entries.Count);
        foreach (var entry in entries)
        {
            if (RedisEnvelopeCodec.TryDecode(entry.Fields, out var envelope, out var problem))
            {
                readable.Add((entry, new IncomingMessage(entry.Stream, envelope, entry.DeliveryCount)));
            }
            else
            {
                await deadLetters.WriteAsync(entry, problem, entry.DeliveryCount);
            }
        }

        var handled = new ConcurrentQueue<RedisStreamEntry>();
        var byKey = readable.GroupBy(r => (r.Entry.Stream, r.Message.Envelope.PartitionKey));
        try
        {
            await Parallel.ForEachAsync(
                byKey,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken },
                async (key, token) =>
                {
                    foreach (var (entry, message) in key)
                    {
                        var decision = await Delivery.DeliverAsync(message, handler, settings, clock, logger, token);
                        if (decision.Acknowledge)
                        {
                            handled.Enqueue(entry);
                        }
                        else
                        {
                            await deadLetters.WriteAsync(entry, decision.DeadLetterReason!, decision.Attempts);
                        }
                    }
                });
        }
        finally
        {
            await AcknowledgeAsync(handled);
        }
    }

    private async Task AcknowledgeAsync(IEnumerable<RedisStreamEntry> handled)
    {
        foreach (var stream in handled.GroupBy(e => e.Stream))
        {
            await database.StreamAcknowledgeAsync(stream.Key, settings.Group, stream.Select(e => e.Id).ToArray());
        }
    }
}
