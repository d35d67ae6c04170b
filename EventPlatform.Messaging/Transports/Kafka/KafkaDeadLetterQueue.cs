using System.Globalization;
using Confluent.Kafka;
using EventPlatform.Messaging.DeadLetters;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// Kafka cannot delete single messages, so "moved back" means: the group's replay cursor (a consumer group of its own,
/// <c>&lt;group&gt;.dead-letter-replay</c>) advances past what was replayed. Listing shows what lies beyond that cursor.
/// </summary>
internal sealed class KafkaDeadLetterQueue(KafkaClients clients, KafkaTopics topics, ILogger<KafkaDeadLetterQueue> logger) : IDeadLetterQueue
{
    private const int EmptyPollsBeforeGivingUp = 3;
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string topic, string? consumerGroup, int max, CancellationToken cancellationToken)
    {
        await topics.EnsureAsync(Topics.DeadLetterOf(topic));
        return await Task.Run(() =>
        {
            var found = new List<DeadLetter>();
            using var reader = OpenReader(topic, consumerGroup);
            Read(reader, Topics.DeadLetterOf(topic), consumerGroup, cancellationToken, result =>
            {
                if (consumerGroup is null || GroupOf(result) == consumerGroup)
                {
                    found.Add(Describe(topic, result));
                }

                return found.Count < max;
            });
            return (IReadOnlyList<DeadLetter>)found;
        }, cancellationToken);
    }

    public async Task<int> ReplayAsync(string topic, string consumerGroup, int max, CancellationToken cancellationToken)
    {
        await topics.EnsureAsync(Topics.DeadLetterOf(topic));
        var replayed = await Task.Run(() =>
        {
            var count = 0;
            using var reader = OpenReader(topic, consumerGroup);
            var processed = new Dictionary<TopicPartition, Offset>();
            Read(reader, Topics.DeadLetterOf(topic), consumerGroup, cancellationToken, result =>
            {
                if (count >= max)
                {
                    return false;
                }

                if (GroupOf(result) == consumerGroup)
                {
                    // Produced back before the cursor moves: a crash in between replays it twice (the inbox absorbs it), never zero times.
                    clients.Producer.ProduceAsync(topic, Original(result.Message), cancellationToken).GetAwaiter().GetResult();
                    count++;
                }

                processed[result.TopicPartition] = result.Offset + 1;
                return true;
            });
            if (processed.Count > 0)
            {
                reader.Commit(processed.Select(p => new TopicPartitionOffset(p.Key, p.Value)));
            }

            return count;
        }, cancellationToken);

        logger.Replayed(replayed, topic, consumerGroup);
        return replayed;
    }

    private IConsumer<string, byte[]> OpenReader(string topic, string? consumerGroup) =>
        new ConsumerBuilder<string, byte[]>(
            clients.ConsumerConfig($"{consumerGroup ?? "all"}.dead-letter-replay", $"{topic}.dead-letter-reader")).Build();

    /// <summary>Reads the dead-letter topic from the replay cursor to its current end, or until <paramref name="visit"/> says stop.</summary>
    private static void Read(
        IConsumer<string, byte[]> reader, string deadLetterTopic, string? consumerGroup, CancellationToken cancellationToken,
        Func<ConsumeResult<string, byte[]>, bool> visit)
    {
        var partitions = PartitionsOf(reader, deadLetterTopic);
        var committed = consumerGroup is null
            ? []
            : reader.Committed(partitions, KafkaClients.RequestTimeout)
                .Where(c => c.Offset != Offset.Unset)
                .ToDictionary(c => c.TopicPartition, c => c.Offset.Value);

        // What is left to read per partition: from the cursor (or the oldest message kept) to the end as of now.
        var remaining = new Dictionary<TopicPartition, (long From, long To)>();
        foreach (var partition in partitions)
        {
            var watermarks = reader.QueryWatermarkOffsets(partition, KafkaClients.RequestTimeout);
            var from = Math.Max(committed.GetValueOrDefault(partition, watermarks.Low.Value), watermarks.Low.Value);
            if (from < watermarks.High.Value)
            {
                remaining[partition] = (from, watermarks.High.Value);
            }
        }

        reader.Assign(remaining.Select(r => new TopicPartitionOffset(r.Key, new Offset(r.Value.From))));
        var emptyPolls = 0;
        while (remaining.Count > 0 && !cancellationToken.IsCancellationRequested && emptyPolls < EmptyPollsBeforeGivingUp)
        {
            var result = reader.Consume(PollTimeout);
            if (result is null || result.IsPartitionEOF)
            {
                emptyPolls++;
                continue;
            }

            emptyPolls = 0;
            if (!remaining.TryGetValue(result.TopicPartition, out var range) || result.Offset.Value >= range.To)
            {
                continue; // added after we started: left for the next run
            }

            if (!visit(result))
            {
                return;
            }

            if (result.Offset.Value + 1 >= range.To)
            {
                remaining.Remove(result.TopicPartition);
            }
        }
    }

    private static List<TopicPartition> PartitionsOf(IConsumer<string, byte[]> reader, string topic)
    {
        using var admin = new DependentAdminClientBuilder(reader.Handle).Build();
        var metadata = admin.GetMetadata(topic, KafkaClients.RequestTimeout);
        return metadata.Topics.SelectMany(t => t.Partitions.Select(p => new TopicPartition(topic, p.PartitionId))).ToList();
    }

    private static Message<string, byte[]> Original(Message<string, byte[]> deadLetter)
    {
        var headers = new Headers();
        foreach (var header in deadLetter.Headers ?? [])
        {
            if (!DeadLetterAttributes.IsDeadLetterAttribute(header.Key))
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        return new Message<string, byte[]> { Key = deadLetter.Key, Value = deadLetter.Value, Headers = headers };
    }

    private static string? GroupOf(ConsumeResult<string, byte[]> result) =>
        KafkaEnvelopeCodec.Header(result.Message.Headers, DeadLetterAttributes.Group);

    private static DeadLetter Describe(string topic, ConsumeResult<string, byte[]> result)
    {
        var headers = result.Message.Headers;
        return new DeadLetter(
            $"{result.Partition.Value}@{result.Offset.Value}",
            topic,
            KafkaEnvelopeCodec.Header(headers, KafkaEnvelopeCodec.AttributePrefix + CloudEventAttributes.Id),
            KafkaEnvelopeCodec.Header(headers, KafkaEnvelopeCodec.AttributePrefix + CloudEventAttributes.Type),
            KafkaEnvelopeCodec.Header(headers, DeadLetterAttributes.Reason) ?? "(no reason recorded)",
            GroupOf(result) ?? "",
            int.TryParse(KafkaEnvelopeCodec.Header(headers, DeadLetterAttributes.Attempts), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts)
                ? attempts
                : 0,
            DateTimeOffset.TryParse(KafkaEnvelopeCodec.Header(headers, DeadLetterAttributes.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
                ? time
                : null);
    }
}
