using System.Collections.Concurrent;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using EventPlatform.Messaging.Configuration;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>Creates topics the bus uses when they are missing, once per process, with the configured partitions and replication.</summary>
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
}
