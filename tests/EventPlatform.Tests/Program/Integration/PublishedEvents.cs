using System.Globalization;
using EventPlatform.Messaging.Envelope;
using EventPlatform.Messaging.Transports.Redis;
using Google.Protobuf;
using StackExchange.Redis;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// A test consumer of the integration events on the Redis streams, read with the messaging library's own codec: what
/// a consuming service would receive.
/// </summary>
public sealed class PublishedEvents(IConnectionMultiplexer redis)
{
    public async Task<IReadOnlyList<(RedisValue Position, IntegrationEventEnvelope Envelope)>> OnAsync(string topic)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(topic);
        return entries
            .Select(e => RedisEnvelopeCodec.TryDecode(e.Values, out var envelope, out _) ? (e.Id, envelope) : (e.Id, null))
            .Where(e => e.Item2 is not null)
            .Select(e => (e.Id, e.Item2!))
            .ToList();
    }

    public async Task<IReadOnlyList<T>> OfTypeAsync<T>(string topic, Func<T, bool> about) where T : IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        var type = new T().Descriptor.FullName;
        return (await OnAsync(topic))
            .Where(e => e.Envelope.Type == type)
            .Select(e => parser.ParseFrom(e.Envelope.Data.Span))
            .Where(about)
            .ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> such events were published; the wait is never asserted on.</summary>
    public async Task<IReadOnlyList<T>> AwaitAsync<T>(string topic, Func<T, bool> about, int count = 1) where T : IMessage<T>, new()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = await OfTypeAsync(topic, about);
        while (seen.Count < count && !patience.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
            seen = await OfTypeAsync(topic, about);
        }

        return seen.Count >= count
            ? seen
            : throw new TimeoutException($"Gave up waiting for {count} {typeof(T).Name} on {topic}; saw {seen.Count}.");
    }

    /// <summary>Adds an envelope to the stream again, as a redelivery would; returns its new position.</summary>
    public async Task<RedisValue> RepublishAsync(string topic, IntegrationEventEnvelope envelope) =>
        await redis.GetDatabase().StreamAddAsync(topic, RedisEnvelopeCodec.Encode(envelope));

    /// <summary>Waits until the consumer group has read past <paramref name="position"/> and acknowledged everything.</summary>
    public async Task AwaitHandledAsync(string topic, string group, RedisValue position)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!patience.IsCancellationRequested)
        {
            var info = (await redis.GetDatabase().StreamGroupInfoAsync(topic)).SingleOrDefault(g => g.Name == group);
            if (info.Name is not null && info.PendingMessageCount == 0 && info.LastDeliveredId is { } last && Compare(last, position!) >= 0)
            {
                return;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"Gave up waiting for group {group} to handle {topic} up to {position}.");
    }

    private static int Compare(string a, string b)
    {
        static (long Ms, long Seq) Parse(string id) => (long.Parse(id.Split('-')[0], CultureInfo.InvariantCulture), long.Parse(id.Split('-')[1], CultureInfo.InvariantCulture));
        return Parse(a).CompareTo(Parse(b));
    }
}
