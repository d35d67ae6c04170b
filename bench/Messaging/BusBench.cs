using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Bench.Messaging;

/// <summary>
/// Two services wired as in production (default settings): "registration" commits a row and enqueues
/// RegistrationConfirmed in one SaveChanges; "billing" handles it, inbox record and invoice in one transaction.
/// Latency is the bus's own delivery-lag metric: from the enqueue to the end of the handler's commit.
/// </summary>
internal sealed class BusBench : IAsyncDisposable
{
    private readonly IHost _registration;
    private readonly IHost _billing;
    private readonly MeterListener _listener;
    private readonly Latencies _handled = new();

    private BusBench(IHost registration, IHost billing)
    {
        _registration = registration;
        _billing = billing;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MessagingDiagnostics.Name && instrument.Name == "eventplatform.messaging.delivery.lag")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "handled" })
                {
                    _handled.Record(seconds * 1000);
                }
            }
        });
        _listener.Start();
    }

    public static async Task<BusBench> StartAsync(string registrationDb, string billingDb, string redis)
    {
        var registration = await StartServiceAsync("registration", registrationDb, redis, consumes: false);
        var billing = await StartServiceAsync("billing", billingDb, redis, consumes: true);
        return new BusBench(registration, billing);
    }

    /// <summary>Enqueues <paramref name="count"/> events from <paramref name="producers"/> concurrent requests; returns when all are handled.</summary>
    public async Task<Result> RunAsync(int count, int producers, double? eventsPerSecond, TimeSpan timeout)
    {
        _handled.Reset(count);
        var started = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (eventsPerSecond is { } rate && TimeSpan.FromSeconds(i / rate) - started.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                await ConfirmAsync(i);
            }
        })));
        var enqueued = started.Elapsed;
        await _handled.WaitAsync("bus events handled", timeout);
        return new Result(count, started.Elapsed, _handled.Percentile(50), _handled.Percentile(99), enqueued);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _registration.StopAsync();
        await _billing.StopAsync();
        _registration.Dispose();
        _billing.Dispose();
    }

    private async Task ConfirmAsync(int i)
    {
        await using var scope = _registration.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var registrationId = Guid.NewGuid().ToString();
        var eventId = $"event-{i % 200}";
        db.Confirmations.Add(new Confirmation { Id = registrationId, EventId = eventId });
        scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(new RegistrationConfirmed
        {
            EventId = eventId,
            Registration = new Registration
            {
                Id = registrationId,
                EventId = eventId,
                Status = RegistrationStatus.Confirmed,
                Attendee = new Attendee { Id = "ada", Name = "Ada Lovelace", Email = "ada@example.org", Locale = "en-GB" },
            },
        }, subject: registrationId);
        await db.SaveChangesAsync();
    }

    private static async Task<IHost> StartServiceAsync(string name, string database, string redis, bool consumes)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContextPool<BenchDbContext>(options => options.UseNpgsql(database));
        var bus = builder.AddEventBus<BenchDbContext>(name);
        if (consumes)
        {
            bus.Subscribe<RegistrationConfirmed, IssueInvoice>();
        }

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        return host;
    }
}

/// <param name="Enqueued">When the last producer finished: how fast requests committed, apart from delivery.</param>
internal sealed record Result(int Count, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds, TimeSpan Enqueued)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
}
