using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventPlatform.Messaging.Outbox;

namespace EventPlatform.Messaging.Diagnostics;

/// <summary>
/// The bus's meter: outbox backlog and lag (gauges), publish and handle counts and durations, dead letters, and the
/// time from commit to handled (the delay a user notices between cause and effect).
/// </summary>
internal sealed class MessagingMetrics
{
    private readonly Counter<long> _published;
    private readonly Histogram<double> _publishDuration;
    private readonly Counter<long> _handled;
    private readonly Histogram<double> _handleDuration;
    private readonly Histogram<double> _deliveryLag;
    private readonly Counter<long> _deadLettered;
    private readonly TimeProvider _clock;

    public MessagingMetrics(IMeterFactory meterFactory, OutboxBacklog backlog, TimeProvider clock)
    {
        _clock = clock;
        var meter = meterFactory.Create(MessagingDiagnostics.Name);
        _published = meter.CreateCounter<long>("eventplatform.messaging.published", "{message}", "Events published by the outbox relay.");
        _publishDuration = meter.CreateHistogram<double>("eventplatform.messaging.publish.duration", "s", "Time to hand one event to the transport.");
        _handled = meter.CreateCounter<long>("eventplatform.messaging.handled", "{message}", "Events consumed, by outcome.");
        _handleDuration = meter.CreateHistogram<double>("eventplatform.messaging.handle.duration", "s", "Time to handle one event, inbox and transaction included.");
        _deliveryLag = meter.CreateHistogram<double>("eventplatform.messaging.delivery.lag", "s", "Time from the event's commit to the end of its handling.");
        _deadLettered = meter.CreateCounter<long>("eventplatform.messaging.dead_lettered", "{message}", "Messages moved to a dead-letter destination.");
        meter.CreateObservableGauge("eventplatform.messaging.outbox.backlog", () => backlog.Pending, "{message}", "Outbox rows not yet published.");
        meter.CreateObservableGauge(
            "eventplatform.messaging.outbox.oldest_pending_age",
            () => backlog.OldestPendingSince is { } since ? Math.Max(0, (clock.GetUtcNow() - since).TotalSeconds) : 0,
            "s",
            "Age of the oldest outbox row not yet published.");
    }

    public void Published(string system, string topic, string type, long startTimestamp, bool succeeded)
    {
        var tags = new TagList { { SemanticConventions.System, system }, { SemanticConventions.DestinationName, topic }, { SemanticConventions.CloudEventType, type } };
        if (!succeeded)
        {
            tags.Add(SemanticConventions.ErrorType, "publish_failed");
        }

        _publishDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        if (succeeded)
        {
            _published.Add(1, tags);
        }
    }

    public void Handled(string topic, string type, string outcome, long startTimestamp, DateTimeOffset eventTime)
    {
        var tags = new TagList { { SemanticConventions.DestinationName, topic }, { SemanticConventions.CloudEventType, type }, { "outcome", outcome } };
        _handled.Add(1, tags);
        _handleDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        _deliveryLag.Record(Math.Max(0, (_clock.GetUtcNow() - eventTime).TotalSeconds), tags);
    }

    public void DeadLettered(string system, string topic, string consumerGroup) =>
        _deadLettered.Add(1, new TagList
        {
            { SemanticConventions.System, system },
            { SemanticConventions.DestinationName, topic },
            { SemanticConventions.ConsumerGroup, consumerGroup },
        });
}
