using System.Globalization;
using EventPlatform.Messaging.DeadLetters;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

internal sealed class RedisDeadLetterQueue(RedisConnections connections, ILogger<RedisDeadLetterQueue> logger) : IDeadLetterQueue
{
    private const int PageSize = 100;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string? consumerGroup, int max, CancellationToken cancellationToken)
    {
        var database = await connections.DatabaseAsync();
        var found = new List<DeadLetter>();
        await foreach (var entry in ReadAsync(database, topic, cancellationToken))
        {
            if (found.Count >= max)
            {
                break;
            }

            if (consumerGroup is null || Field(entry, DeadLetterAttributes.Group) == consumerGroup)
            {
                found.Add(Describe(topic, entry));
            }
        }

        return found;
    }

    public async Task<int> ReplayAsync(string topic, string consumerGroup, int max, CancellationToken cancellationToken)
    {
        var database = await connections.DatabaseAsync();
        var deadLetterStream = Topics.DeadLetterOf(topic);
        var replayed = 0;
        await foreach (var entry in ReadAsync(database, topic, cancellationToken))
        {
            if (replayed >= max)
            {
                break;
            }

            if (Field(entry, DeadLetterAttributes.Group) != consumerGroup)
            {
                continue;
            }

            // Added back before deleted: a crash in between replays it twice, which the inbox absorbs; never zero times.
            var original = entry.Values.Where(f => !DeadLetterAttributes.IsDeadLetterAttribute(f.Name.ToString())).ToArray();
            await database.StreamAddAsync(topic, original);
            await database.StreamDeleteAsync(deadLetterStream, [entry.Id]);
            replayed++;
        }

        logger.Replayed(replayed, topic, consumerGroup);
        return replayed;
    }

    private static async IAsyncEnumerable<StreamEntry> ReadAsync(
        IDatabase database, string topic, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var deadLetterStream = Topics.DeadLetterOf(topic);
        RedisValue from = "-";
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await database.StreamRangeAsync(deadLetterStream, from, "+", PageSize);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Length < PageSize)
            {
                yield break;
            }

            from = "(" + page[^1].Id; // exclusive start: the entry after the last one seen
        }
    }

    private static DeadLetter Describe(string topic, StreamEntry entry) => new(
        entry.Id.ToString(),
        topic,
        Field(entry, CloudEventAttributes.Id),
        Field(entry, CloudEventAttributes.Type),
        Field(entry, DeadLetterAttributes.Reason) ?? "(no reason recorded)",
        Field(entry, DeadLetterAttributes.Group) ?? "",
        RedisDeadLetterWriter.ParseAttempts(entry[DeadLetterAttributes.Attempts]),
        DateTimeOffset.TryParse(Field(entry, DeadLetterAttributes.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null);

    private static string? Field(StreamEntry entry, string name) => entry[name] is { IsNull: false } value ? value.ToString() : null;
}
