using EventPlatform.Bench;
using EventPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

namespace EventPlatform.Bench.Messaging;

/// <summary>
/// Throughput and latency of integration events through outbox + Redis Streams + inbox, beside raw XADD/XREADGROUP
/// measured in the same run on the same Redis, so the figures read as a ratio rather than as machine-bound absolutes.
/// Its two services publish on the real topics: run it on a PostgreSQL and Redis of its own, never beside the services.
/// </summary>
public static class MessagingBenchmark
{
    /// <summary>Runs every scenario on <paramref name="app"/>, prints to <paramref name="console"/>; 0 when every answer was right.</summary>
    /// <param name="summaryPath">Where its rows of bench/run's table go (see BenchSummary); null for none.</param>
    /// <param name="shortForm">The short form (see BenchScale), as the test command runs it.</param>
    public static async Task<int> RunAsync(TestPlatform app, TextWriter console, string? summaryPath, bool shortForm)
    {
        var scale = new BenchScale(shortForm);
        var summary = new BenchSummary(summaryPath);
        var events = scale.Pick(20_000, 1_000);
        var warmUpEvents = scale.Pick(1_000, 100);
        const int Producers = 8;
        var pacedEvents = scale.Pick(2_000, 200);
        const double PacedRate = 200; // events per second: well below saturation, so latency is not queueing time
        var timeout = scale.Pick(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));

        var postgresPort = new NpgsqlConnectionStringBuilder(app.GetConnectionString("postgres")).Port;
        var redisAddress = app.GetConnectionString("redis");

        async Task<string> CreateDatabaseAsync(string name)
        {
            string ConnectionString(string database) => $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database={database};Maximum Pool Size=50";
            await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            return ConnectionString(name);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var registrationDb = await CreateDatabaseAsync($"bench_registration_{run}");
        var billingDb = await CreateDatabaseAsync($"bench_billing_{run}");

        console.WriteLine("Bus: warming up…");
        Result busFlood, busPaced;
        await using (var bus = await BusBench.StartAsync(registrationDb, billingDb, redisAddress))
        {
            await bus.RunAsync(warmUpEvents, Producers, eventsPerSecond: null, timeout);
            console.WriteLine($"Bus: {events} events from {Producers} concurrent requests, as fast as they go…");
            busFlood = await bus.RunAsync(events, Producers, eventsPerSecond: null, timeout);
            console.WriteLine($"Bus: {pacedEvents} events at {PacedRate}/s for latency…");
            busPaced = await bus.RunAsync(pacedEvents, Producers, PacedRate, timeout);
        }

        Result rawFlood, rawPaced;
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress))
        {
            var raw = new RawStreamsBench(redis);
            console.WriteLine("Raw: warming up…");
            await raw.RunAsync(warmUpEvents, Producers, entriesPerSecond: null, timeout);
            console.WriteLine($"Raw: {events} XADD from {Producers} concurrent producers, one XREADGROUP/XACK consumer…");
            rawFlood = await raw.RunAsync(events, Producers, entriesPerSecond: null, timeout);
            console.WriteLine($"Raw: {pacedEvents} entries at {PacedRate}/s for latency…");
            rawPaced = await raw.RunAsync(pacedEvents, Producers, PacedRate, timeout);
        }

        console.WriteLine();
        console.WriteLine($"                                  flood events/s   paced {PacedRate}/s: p50 / p99 (ms)   flood: p50 / p99 (ms)");
        console.WriteLine($"outbox + Redis Streams + inbox   {busFlood.PerSecond,16:N0}   {busPaced.P50Milliseconds,14:N1} / {busPaced.P99Milliseconds,-8:N1}   {busFlood.P50Milliseconds,10:N0} / {busFlood.P99Milliseconds:N0}");
        console.WriteLine($"raw XADD / XREADGROUP + XACK    {rawFlood.PerSecond,16:N0}   {rawPaced.P50Milliseconds,14:N1} / {rawPaced.P99Milliseconds,-8:N1}   {rawFlood.P50Milliseconds,10:N0} / {rawFlood.P99Milliseconds:N0}");
        console.WriteLine(
            $"(flood latency is mostly queueing: the {events:N0} requests committed in {busFlood.Enqueued.TotalSeconds:N1} s " +
            $"({events / busFlood.Enqueued.TotalSeconds:N0}/s), the last event was handled after {busFlood.Elapsed.TotalSeconds:N1} s)");
        summary.Add("event delivery: outbox -> Redis Streams -> inbox (latency paced at " + PacedRate + "/s)", $"{busFlood.PerSecond:N0} events/s",
            $"raw Redis Streams {rawFlood.PerSecond:N0} entries/s", busFlood.PerSecond / rawFlood.PerSecond, busPaced.P50Milliseconds, busPaced.P99Milliseconds, "0");
        console.WriteLine();
        console.WriteLine(
            $"The bus delivers {busFlood.PerSecond:N0} events/s against {rawFlood.PerSecond:N0} entries/s for raw Redis Streams: " +
            $"{busFlood.PerSecond / rawFlood.PerSecond:P1} of raw throughput (raw is {rawFlood.PerSecond / busFlood.PerSecond:N1}× faster). " +
            $"At {PacedRate}/s, publish→handled takes p50 {busPaced.P50Milliseconds:N1} ms / p99 {busPaced.P99Milliseconds:N1} ms, " +
            $"against {rawPaced.P50Milliseconds:N1} / {rawPaced.P99Milliseconds:N1} ms for XADD→XACK.");
        return 0;
    }
}
