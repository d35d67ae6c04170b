using System.Threading.Channels;
using EventPlatform.Messaging;
using EventPlatform.Messaging.Envelope;
using EventPlatform.Messaging.Transports;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>
/// What every transport must guarantee to the bus above it, whichever broker carries the events. Each transport's
/// test class runs these scenarios as its own facts (so Kafka's can be skipped when no broker is given).
/// </summary>
public abstract class TransportContract(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset PublishedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_560);

    private readonly string _topic = $"contract-{Guid.NewGuid():N}.catalog.events";

    // Per test: Kafka groups span topics, and a group left over from another test must not take part in a rebalance.
    private readonly string _group = $"contract-group-{Guid.NewGuid():N}";
    private TransportUnderTest? _transport;

    private protected ITestOutputHelper Output => output;

    private protected string Topic => _topic;

    /// <summary>True when the broker itself counts deliveries (Redis's pending-entries list), so redeliveries show as attempt 2.</summary>
    private protected abstract bool BrokerCountsDeliveries { get; }

    private TransportUnderTest Transport => _transport ??= CreateTransport();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }
    }

    private protected abstract TransportUnderTest CreateTransport();

    /// <summary>Puts something on the topic that is not one of our envelopes, bypassing the publisher.</summary>
    private protected abstract Task PublishUnreadableAsync(string topic);

    private protected async Task Verify_a_published_event_arrives_with_its_attributes_and_payload()
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), Record(received));
        var sent = Envelope("event-1", payload: [8, 1, 16, 2]) with { Subject = "registration-7" };

        await Transport.Publisher.PublishAsync(_topic, sent, CancellationToken.None);

        var message = await ReceiveAsync(received);
        message.Topic.ShouldBe(_topic);
        message.DeliveryAttempt.ShouldBe(1);
        message.Envelope.Id.ShouldBe(sent.Id);
        message.Envelope.Source.ShouldBe("contract-tests");
        message.Envelope.Type.ShouldBe("eventplatform.catalog.v1.EventPublished");
        message.Envelope.Time.ShouldBe(PublishedAt);
        message.Envelope.Subject.ShouldBe("registration-7");
        message.Envelope.PartitionKey.ShouldBe("event-1");
        message.Envelope.Data.ToArray().ShouldBe([8, 1, 16, 2]);
    }

    private protected async Task Verify_events_with_the_same_ordering_key_arrive_in_publish_order()
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), Record(received));
        string[] keys = ["event-a", "event-b", "event-c"];
        const int count = 60;

        for (var i = 0; i < count; i++)
        {
            await Transport.Publisher.PublishAsync(_topic, Envelope(keys[i % keys.Length], payload: [(byte)i]), CancellationToken.None);
        }

        var messages = new List<IncomingMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(await ReceiveAsync(received));
        }

        foreach (var key in keys)
        {
            var sequence = messages.Where(m => m.Envelope.PartitionKey == key).Select(m => (int)m.Envelope.Data.Span[0]).ToList();
            sequence.ShouldBe(Enumerable.Range(0, count).Where(i => keys[i % keys.Length] == key).ToList(), $"order of {key}");
        }
    }

    private protected async Task Verify_an_event_left_unacknowledged_by_a_consumer_that_died_is_redelivered_to_another()
    {
        var firstDelivery = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dying = Transport.StartConsumer(Settings("dies-while-handling"), async (message, cancellationToken) =>
        {
            firstDelivery.TrySetResult(message);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return DeliveryOutcome.Handled;
        });
        var sent = Envelope("event-1");
        await Transport.Publisher.PublishAsync(_topic, sent, CancellationToken.None);
        (await firstDelivery.Task.WaitAsync(Eventually.Patience)).Envelope.Id.ShouldBe(sent.Id);

        await dying.StopAsync();
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("survivor"), Record(received));

        var redelivered = await ReceiveAsync(received);
        redelivered.Envelope.Id.ShouldBe(sent.Id);
        if (BrokerCountsDeliveries)
        {
            redelivered.DeliveryAttempt.ShouldBe(2);
        }

        (await Transport.DeadLetters.ListAsync(_topic, _group, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    private protected async Task Verify_an_event_whose_handler_keeps_failing_is_dead_lettered_with_the_error_and_the_next_one_arrives()
    {
        var poison = Envelope("event-1");
        var next = Envelope("event-1");
        var poisonAttempts = 0;
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), async (message, cancellationToken) =>
        {
            if (message.Envelope.Id == poison.Id)
            {
                Interlocked.Increment(ref poisonAttempts);
                throw new InvalidOperationException("The invoice template for 'fr-FR' is missing.");
            }

            await received.Writer.WriteAsync(message, cancellationToken);
            return DeliveryOutcome.Handled;
        });

        await Transport.Publisher.PublishAsync(_topic, poison, CancellationToken.None);
        await Transport.Publisher.PublishAsync(_topic, next, CancellationToken.None);

        (await ReceiveAsync(received)).Envelope.Id.ShouldBe(next.Id);
        var deadLetter = (await Eventually.ReturnsAsync(
            () => Transport.DeadLetters.ListAsync(_topic, _group, 10, CancellationToken.None), l => l.Count > 0, "the dead letter")).ShouldHaveSingleItem();
        deadLetter.MessageId.ShouldBe(poison.Id);
        deadLetter.Type.ShouldBe(poison.Type);
        deadLetter.ConsumerGroup.ShouldBe(_group);
        deadLetter.Reason.ShouldContain("The invoice template for 'fr-FR' is missing.");
        deadLetter.Attempts.ShouldBe(3);
        deadLetter.DeadLetteredAt.ShouldNotBeNull();
        poisonAttempts.ShouldBe(3);
    }

    private protected async Task Verify_a_dead_letter_replayed_once_the_handler_is_fixed_is_handled_and_leaves_the_dead_letters()
    {
        var poison = Envelope("event-1");
        var fixedHandler = false;
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), async (message, cancellationToken) =>
        {
            if (!Volatile.Read(ref fixedHandler))
            {
                throw new InvalidOperationException("Billing is misconfigured.");
            }

            await received.Writer.WriteAsync(message, cancellationToken);
            return DeliveryOutcome.Handled;
        });
        await Transport.Publisher.PublishAsync(_topic, poison, CancellationToken.None);
        await Eventually.ReturnsAsync(
            () => Transport.DeadLetters.ListAsync(_topic, _group, 10, CancellationToken.None), l => l.Count == 1, "the dead letter");

        Volatile.Write(ref fixedHandler, true);
        var replayed = await Transport.DeadLetters.ReplayAsync(_topic, _group, 10, CancellationToken.None);

        replayed.ShouldBe(1);
        (await ReceiveAsync(received)).Envelope.Id.ShouldBe(poison.Id);
        (await Transport.DeadLetters.ListAsync(_topic, _group, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    private protected async Task Verify_an_unreadable_message_is_dead_lettered_with_the_reason_and_does_not_block_the_topic()
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), Record(received));
        var next = Envelope("event-1");

        await PublishUnreadableAsync(_topic);
        await Transport.Publisher.PublishAsync(_topic, next, CancellationToken.None);

        (await ReceiveAsync(received)).Envelope.Id.ShouldBe(next.Id);
        var deadLetter = (await Eventually.ReturnsAsync(
            () => Transport.DeadLetters.ListAsync(_topic, _group, 10, CancellationToken.None), l => l.Count > 0, "the dead letter")).ShouldHaveSingleItem();
        deadLetter.Reason.ShouldStartWith("Malformed envelope");
        deadLetter.MessageId.ShouldBeNull();
    }

    private protected async Task Verify_the_trace_context_travels_with_the_event()
    {
        var received = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), Record(received));
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var sent = Envelope("event-1") with { TraceParent = traceParent, TraceState = "eventplatform=t61rcWkgMzE" };

        await Transport.Publisher.PublishAsync(_topic, sent, CancellationToken.None);

        var message = await ReceiveAsync(received);
        message.Envelope.TraceParent.ShouldBe(traceParent);
        message.Envelope.TraceState.ShouldBe("eventplatform=t61rcWkgMzE");
    }

    private protected async Task Verify_every_watcher_sees_each_event_published_after_it_started_in_order()
    {
        var first = Channel.CreateUnbounded<IncomingMessage>();
        var second = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartWatch([_topic], Watch(first));
        Transport.StartWatch([_topic], Watch(second));
        // A watch sees what is published once it is in place (Kafka assigns partitions a few seconds after subscribing).
        using (var patience = new CancellationTokenSource(Eventually.Patience))
        {
            while (first.Reader.Count == 0 || second.Reader.Count == 0)
            {
                await Transport.Publisher.PublishAsync(_topic, Envelope("probe"), CancellationToken.None);
                await Task.Delay(200, patience.Token);
            }
        }

        const int count = 5;
        for (var i = 0; i < count; i++)
        {
            await Transport.Publisher.PublishAsync(_topic, Envelope("event-1", payload: [(byte)i]), CancellationToken.None);
        }

        foreach (var watcher in new[] { first, second })
        {
            var seen = new List<int>();
            while (seen.Count < count)
            {
                var message = await ReceiveAsync(watcher);
                message.Topic.ShouldBe(_topic);
                if (message.Envelope.PartitionKey == "event-1")
                {
                    seen.Add(message.Envelope.Data.Span[0]);
                }
            }

            seen.ShouldBe(Enumerable.Range(0, count).ToList());
        }

        // Watching takes nothing from the topic: the group of the consumers still gets every event.
        var consumed = Channel.CreateUnbounded<IncomingMessage>();
        Transport.StartConsumer(Settings("reader"), Record(consumed));
        (await ReceiveAsync(consumed)).ShouldNotBeNull();
    }

    private ConsumerSettings Settings(string consumer) =>
        new(_group, consumer, [_topic], MaxDeliveryAttempts: 3, new Backoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)),
            MaxConcurrency: 4, BatchSize: 16);

    private static IntegrationEventEnvelope Envelope(string key, byte[]? payload = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Source = "contract-tests",
        Type = "eventplatform.catalog.v1.EventPublished",
        Time = PublishedAt,
        PartitionKey = key,
        Data = payload ?? [8, 1],
    };

    private static DeliveryHandler Record(Channel<IncomingMessage> received) => async (message, cancellationToken) =>
    {
        await received.Writer.WriteAsync(message, cancellationToken);
        return DeliveryOutcome.Handled;
    };

    private static WatchHandler Watch(Channel<IncomingMessage> seen) =>
        (message, cancellationToken) => seen.Writer.WriteAsync(message, cancellationToken);

    private static async Task<IncomingMessage> ReceiveAsync(Channel<IncomingMessage> received)
    {
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        return await received.Reader.ReadAsync(timeout.Token);
    }
}
