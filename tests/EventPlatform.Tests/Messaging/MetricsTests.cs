using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EventPlatform.Messaging.Diagnostics;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private readonly MessagingInfrastructure _infrastructure;
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = $"t{Guid.NewGuid():N}.";
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener;

    public MetricsTests(MessagingInfrastructure infrastructure, ITestOutputHelper output)
    {
        _infrastructure = infrastructure;
        _output = output;
        // What an OpenTelemetry SDK does: listen to our meter and read the gauges when collecting.
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MessagingDiagnostics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public async Task While_Redis_is_unreachable_events_wait_in_the_outbox_and_the_backlog_gauges_show_it()
    {
        var unreachable = UnreachableRedis.Address();
        await using var registration = await BusService.StartAsync(
            new BusServiceSpec("registration", await _infrastructure.CreateDatabaseAsync("registration"), unreachable, _prefix, _output)
            {
                Configure = options => options.Outbox.BacklogRefreshInterval = TimeSpan.FromMilliseconds(100),
            });

        await registration.ConfirmRegistrationAsync("event-1");
        await registration.ConfirmRegistrationAsync("event-2");

        await Eventually.HoldsAsync(() =>
        {
            _listener.RecordObservableInstruments();
            return Task.FromResult(Latest("eventplatform.messaging.outbox.backlog") == 2 && Latest("eventplatform.messaging.outbox.oldest_pending_age") > 0);
        }, "the backlog gauges to show two waiting events");
        (await registration.OutboxAsync()).ShouldAllBe(row => row.SentAt == null);
        Measurements("eventplatform.messaging.published").ShouldBeEmpty();
    }

    [Fact]
    public async Task Publishing_handling_and_dead_lettering_are_counted_and_timed()
    {
        await using var registration = await BusService.StartAsync(Spec("registration", await _infrastructure.CreateDatabaseAsync("registration")));
        await using var billing = await BusService.StartAsync(Spec("billing", await _infrastructure.CreateDatabaseAsync("billing")) with { IssuesInvoices = true });
        billing.Probe.OnEnter = (message, _, _) => message.Registration.Id == "registration-poison"
            ? throw new InvalidOperationException("Cannot invoice this one.")
            : Task.CompletedTask;
        var stream = _prefix + "registration.events";

        await registration.ConfirmRegistrationAsync("event-1", "registration-poison");
        await registration.ConfirmRegistrationAsync("event-1", "registration-ok");
        await Eventually.HoldsAsync(
            () => Task.FromResult(Measurements("eventplatform.messaging.dead_lettered").Count == 1 && Handled("handled").Count == 1),
            "one dead letter and one handled event");

        Measurements("eventplatform.messaging.published").Count.ShouldBe(2);
        Measurements("eventplatform.messaging.publish.duration").Count.ShouldBe(2);
        Handled("failed").Count.ShouldBe(3, "three attempts before dead-lettering");
        Measurements("eventplatform.messaging.handle.duration").Count.ShouldBe(4);
        Measurements("eventplatform.messaging.delivery.lag").Count.ShouldBe(4);
        var deadLetter = Measurements("eventplatform.messaging.dead_lettered").ShouldHaveSingleItem();
        deadLetter.Tags["messaging.consumer.group.name"].ShouldBe("billing");
        deadLetter.Tags["messaging.destination.name"].ShouldBe(stream);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagged = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            tagged[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, tagged));
    }

    /// <summary>Only this test's: every bus in the process reports on the same meter name.</summary>
    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument
                                 && m.Tags.TryGetValue("messaging.destination.name", out var destination)
                                 && destination is string name && name.StartsWith(_prefix, StringComparison.Ordinal))
            .ToList();

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Handled(string outcome) =>
        Measurements("eventplatform.messaging.handled").Where(m => (string?)m.Tags["outcome"] == outcome).ToList();

    private double? Latest(string gauge) => _measurements.LastOrDefault(m => m.Instrument == gauge) is { Instrument: not null } found ? found.Value : null;

    private BusServiceSpec Spec(string service, string database) =>
        new(service, database, _infrastructure.RedisConnectionString, _prefix, _output);
}
