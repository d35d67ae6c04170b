using StackExchange.Redis;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging.Transports;

[Collection(MessagingCollection.Name)]
public sealed class RedisStreamsTransportContract(MessagingInfrastructure infrastructure, ITestOutputHelper output) : TransportContract(output)
{
    private protected override bool BrokerCountsDeliveries => true;

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

    private protected override TransportUnderTest CreateTransport() => TransportUnderTest.Redis(infrastructure.RedisConnectionString, Output);

    private protected override async Task PublishUnreadableAsync(string topic)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        await redis.GetDatabase().StreamAddAsync(topic, [new NameValueEntry("greeting", "not a cloud event")]);
    }
}
