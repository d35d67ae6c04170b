using System.Diagnostics;
using EventPlatform.Messaging.Envelope;
using EventPlatform.Messaging.Transports.Redis;
using StackExchange.Redis;

namespace EventPlatform.Bench.Messaging;

/// <summary>
/// The floor under the bus: the same entries (our envelope, same size) XADDed by the same number of concurrent
/// producers and read by one consumer with XREADGROUP + XACK, with no database, outbox, inbox or handler.
/// </summary>
internal sealed class RawStreamsBench(ConnectionMultiplexer redis)
{
    private const int ReadBatch = 64;

    public async Task<Result> RunAsync(int count, int producers, double? entriesPerSecond, TimeSpan timeout)
    {
        var database = redis.GetDatabase();
        var stream = $"bench-raw-{Guid.NewGuid():N}";
        await database.StreamCreateConsumerGroupAsync(stream, "raw", StreamPosition.Beginning, createStream: true);
        var latencies = new Latencies();
        latencies.Reset(count);
        using var stop = new CancellationTokenSource();
        var consuming = Task.Run(() => ConsumeAsync(database, stream, latencies, stop.Token));

        var started = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (entriesPerSecond is { } rate && TimeSpan.FromSeconds(i / rate) - started.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                await database.StreamAddAsync(stream, Entry(i));
            }
        })));
        var enqueued = started.Elapsed;
        await latencies.WaitAsync("raw entries acknowledged", timeout);
        var elapsed = started.Elapsed;
        await stop.CancelAsync();
        await consuming;
        await database.KeyDeleteAsync(stream);
        return new Result(count, elapsed, latencies.Percentile(50), latencies.Percentile(99), enqueued);
    }

    private static async Task ConsumeAsync(IDatabase database, string stream, Latencies latencies, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var entries = await database.StreamReadGroupAsync(stream, "raw", "reader", ">", ReadBatch);
            if (entries.Length == 0)
            {
                await Task.Delay(1, CancellationToken.None);
                continue;
            }

            await database.StreamAcknowledgeAsync(stream, "raw", entries.Select(e => e.Id).ToArray());
            var now = Stopwatch.GetTimestamp();
            foreach (var entry in entries)
            {
                latencies.Record(Stopwatch.GetElapsedTime((long)entry["sent"], now).TotalMilliseconds);
            }
        }
    }

    /// <summary>An entry as the bus writes it, plus the send timestamp the latency is measured from.</summary>
    private static NameValueEntry[] Entry(int i) =>
    [
        .. RedisEnvelopeCodec.Encode(new IntegrationEventEnvelope
        {
            Id = Guid.NewGuid().ToString(),
            Source = "registration",
            Type = "eventplatform.registration.v1.RegistrationConfirmed",
            Time = DateTimeOffset.UtcNow,
            PartitionKey = $"event-{i % 200}",
            Subject = Guid.NewGuid().ToString(),
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            Data = new byte[120],
        }),
        new NameValueEntry("sent", Stopwatch.GetTimestamp()),
    ];
}
