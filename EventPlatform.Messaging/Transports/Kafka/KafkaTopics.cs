using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventPlatform.Messaging.Configuration;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// Creates topics the bus uses when they are missing, once per process, with the configured partitions and replication
/// — or, where the cluster creates topics on first use (CreateTopics off), has it create them.
/// </summary>
internal sealed class KafkaTopics(KafkaClients clients, IOptions<EventBusOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _ensured = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string topic)
    {
        var creation = _ensured.GetOrAdd(topic, name => new Lazy<Task>(() => CreateAsync(name)));
        try
        {
            await creation.Value;
        }
        catch
        {
            // Let the next caller try again rather than remember a broker that was down at the time.
            _ensured.TryRemove(topic, out _);
            throw;
        }
    }

    private async Task CreateAsync(string topic)
    {
        var kafka = options.Value.Kafka;
        if (!kafka.CreateTopics)
        {
            await Task.Run(() => AskClusterToCreate(topic));
            return;
        }

        try
        {
            await clients.Admin.CreateTopicsAsync(
                [new TopicSpecification { Name = topic, NumPartitions = kafka.Partitions, ReplicationFactor = kafka.ReplicationFactor }],
                new CreateTopicsOptions { RequestTimeout = KafkaClients.RequestTimeout });
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }

    /// <summary>
    /// A metadata request naming the topic makes a cluster that creates topics on first use create it now, before a
    /// consumer subscribes to it (a consumer that subscribed to a missing topic would only see it at its next metadata
    /// refresh, minutes later).
    /// </summary>
    private void AskClusterToCreate(string topic)
    {
        for (var attempt = 0; attempt < 25; attempt++)
        {
            var metadata = clients.Admin.GetMetadata(topic, KafkaClients.RequestTimeout);
            if (metadata.Topics.Any(t => t.Topic == topic && t.Error.Code == ErrorCode.NoError && t.Partitions.Count > 0))
            {
                return;
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(200));
        }

        throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart, $"The cluster did not create the topic {topic} on first use."));
    }
}
