using EventPlatform.Messaging;
using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Transports;
using EventPlatform.Messaging.Transports.Kafka;
using EventPlatform.Messaging.Transports.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging.Transports;

/// <summary>One transport registered exactly as a service registers it, driven directly below the bus.</summary>
internal sealed class TransportUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<ConsumerRun> _runs = [];

    private TransportUnderTest(ServiceProvider services) => _services = services;

    public ITransportPublisher Publisher => _services.GetRequiredService<ITransportPublisher>();

    public IDeadLetterQueue DeadLetters => _services.GetRequiredService<IDeadLetterQueue>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static TransportUnderTest Redis(string connectionString, ITestOutputHelper output) =>
        Build(output, services => services.AddRedisStreamsTransport(connectionString));

    /// <param name="createTopics">False on librdkafka's mock cluster, which creates topics as they are first used.</param>
    public static TransportUnderTest Kafka(string bootstrapServers, bool createTopics, ITestOutputHelper output) =>
        Build(output, services => services.AddKafkaTransport(bootstrapServers), options =>
        {
            options.Kafka.SessionTimeout = TimeSpan.FromSeconds(6);
            options.Kafka.CreateTopics = createTopics;
        });

    /// <summary>Runs a consumer of the group until the returned run is stopped.</summary>
    public ConsumerRun StartConsumer(ConsumerSettings settings, DeliveryHandler handler)
    {
        var consumer = _services.GetRequiredService<ITransportConsumer>();
        var run = new ConsumerRun(stop => consumer.RunAsync(settings, handler, stop));
        _runs.Add(run);
        return run;
    }

    /// <summary>Runs a watch of the topics until the transport is disposed.</summary>
    public void StartWatch(IReadOnlyList<string> topics, WatchHandler handler)
    {
        var watch = _services.GetRequiredService<ITransportWatch>();
        _runs.Add(new ConsumerRun(stop => watch.RunAsync(topics, handler, stop)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var run in _runs)
        {
            await run.StopAsync();
        }

        await _services.DisposeAsync();
    }

    private static TransportUnderTest Build(ITestOutputHelper output, Action<IServiceCollection> transport, Action<EventBusOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new TestOutputLoggerProvider(output, "transport")));
        services.AddOptions<EventBusOptions>().Configure(options =>
        {
            options.ServiceName = "contract";
            options.Redis.ClaimMinIdle = TimeSpan.FromSeconds(1);
            options.Redis.ClaimInterval = TimeSpan.FromMilliseconds(200);
            options.Redis.BlockTimeout = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        });
        services.AddMessagingCore();
        transport(services);
        return new TransportUnderTest(services.BuildServiceProvider());
    }
}

/// <summary>A consumer (or a watch) running in the background, stopped as a process stops: cancelled, with nothing acknowledged after.</summary>
internal sealed class ConsumerRun
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public ConsumerRun(Func<CancellationToken, Task> run) =>
        _running = Task.Run(() => run(_stop.Token));

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _running;
    }
}
