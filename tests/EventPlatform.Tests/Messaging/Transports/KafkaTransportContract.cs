using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>
/// The same contract on Kafka: against librdkafka's mock cluster (three brokers in this process), or a real broker when
/// KAFKA_BOOTSTRAP_SERVERS names one.
/// </summary>
public sealed class KafkaTransportContract(ITestOutputHelper output) : TransportContract(output)
{
    private protected override bool BrokerCountsDeliveries => false;

    [Fact]
    public Task A_published_event_arrives_with_its_attributes_and_payload() =>
        Verify_a_published_event_arrives_with_its_attributes_and_payload();

    [Fact]
    public Task Events_with_the_same_ordering_key_arrive_in_publish_order() =>
        Verify_events_with_the_same_ordering_key_arrive_in_publish_order();

    [Fact]
    public Task An_event_left_unacknowledged_by_a_consumer_that_died_is_redelivered_to_another() =>
        Verify_an_event_left_unacknowledged_by_a_consumer_that_died_is_redelivered_to_another();

    [Fact]
    public Task An_event_whose_handler_keeps_failing_is_dead_lettered_with_the_error_and_the_next_one_arrives() =>
        Verify_an_event_whose_handler_keeps_failing_is_dead_lettered_with_the_error_and_the_next_one_arrives();

    [Fact]
    public Task A_dead_letter_replayed_once_the_handler_is_fixed_is_handled_and_leaves_the_dead_letters() =>
        Verify_a_dead_letter_replayed_once_the_handler_is_fixed_is_handled_and_leaves_the_dead_letters();

    [Fact]
    public Task An_unreadable_message_is_dead_lettered_with_the_reason_and_does_not_block_the_topic() =>
        Verify_an_unreadable_message_is_dead_lettered_with_the_reason_and_does_not_block_the_topic();

    [Fact]
    public Task The_trace_context_travels_with_the_event() =>
        Verify_the_trace_context_travels_with_the_event();

    [Fact]
    public Task Every_watcher_sees_each_event_published_after_it_started_in_order() =>
        Verify_every_watcher_sees_each_event_published_after_it_started_in_order();

    public const string BootstrapServersVariable = "KAFKA_BOOTSTRAP_SERVERS";

    private static readonly Lazy<EventPlatform.AppHost.Infrastructure.KafkaMockCluster> MockCluster = new(() => EventPlatform.AppHost.Infrastructure.KafkaMockCluster.Start());

    private static bool OnRealBroker => Environment.GetEnvironmentVariable(BootstrapServersVariable) is { Length: > 0 };

    private static string BootstrapServers => OnRealBroker
        ? Environment.GetEnvironmentVariable(BootstrapServersVariable)!
        : MockCluster.Value.BootstrapServers;

    private protected override TransportUnderTest CreateTransport() =>
        TransportUnderTest.Kafka(BootstrapServers, createTopics: OnRealBroker, Output);

    private protected override async Task PublishUnreadableAsync(string topic)
    {
        // The mock cluster creates the topic as the producer first uses it; its admin API cannot.
        if (OnRealBroker)
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
            try
            {
                await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 1, ReplicationFactor = -1 }]);
            }
            catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
            {
            }
        }

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "event-1", Value = "not a cloud event"u8.ToArray() });
    }
}
