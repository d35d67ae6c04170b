using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>The same contract against a real broker, when KAFKA_BOOTSTRAP_SERVERS names one; skipped, saying so, otherwise.</summary>
public sealed class KafkaTransportContract(ITestOutputHelper output) : TransportContract(output)
{
    private protected override bool BrokerCountsDeliveries => false;

    [KafkaFact]
    public Task A_published_event_arrives_with_its_attributes_and_payload() =>
        Verify_a_published_event_arrives_with_its_attributes_and_payload();

    [KafkaFact]
    public Task Events_with_the_same_ordering_key_arrive_in_publish_order() =>
        Verify_events_with_the_same_ordering_key_arrive_in_publish_order();

    [KafkaFact]
    public Task An_event_left_unacknowledged_by_a_consumer_that_died_is_redelivered_to_another() =>
        Verify_an_event_left_unacknowledged_by_a_consumer_that_died_is_redelivered_to_another();

    [KafkaFact]
    public Task An_event_whose_handler_keeps_failing_is_dead_lettered_with_the_error_and_the_next_one_arrives() =>
        Verify_an_event_whose_handler_keeps_failing_is_dead_lettered_with_the_error_and_the_next_one_arrives();

    [KafkaFact]
    public Task A_dead_letter_replayed_once_the_handler_is_fixed_is_handled_and_leaves_the_dead_letters() =>
        Verify_a_dead_letter_replayed_once_the_handler_is_fixed_is_handled_and_leaves_the_dead_letters();

    [KafkaFact]
    public Task An_unreadable_message_is_dead_lettered_with_the_reason_and_does_not_block_the_topic() =>
        Verify_an_unreadable_message_is_dead_lettered_with_the_reason_and_does_not_block_the_topic();

    [KafkaFact]
    public Task The_trace_context_travels_with_the_event() =>
        Verify_the_trace_context_travels_with_the_event();

    private static string BootstrapServers => KafkaFactAttribute.BootstrapServers
        ?? throw new InvalidOperationException($"{KafkaFactAttribute.BootstrapServersVariable} is not set.");

    private protected override TransportUnderTest CreateTransport() => TransportUnderTest.Kafka(BootstrapServers, Output);

    private protected override async Task PublishUnreadableAsync(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 1, ReplicationFactor = -1 }]);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }

        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = BootstrapServers }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "event-1", Value = "not a cloud event"u8.ToArray() });
    }
}
