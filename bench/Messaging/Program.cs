using EventPlatform.Bench;
using EventPlatform.Bench.Messaging;
using EventPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

// Throughput and latency of integration events through outbox + Redis Streams + inbox, beside raw XADD/XREADGROUP
// measured in the same run on the same Redis, so the figures read as a ratio rather than as machine-bound absolutes.
const int Events = 20_000;
const int Producers = 8;
const int PacedEvents = 2_000;
const double PacedRate = 200; // events per second: well below saturation, so latency is not queueing time
var timeout = TimeSpan.FromMinutes(10);

Console.WriteLine($"Starting PostgreSQL (fsync on) and Redis (append-only file) on {Environment.ProcessorCount} cores…");
await using var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"], Durable = true });
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

var registrationDb = await CreateDatabaseAsync("bench_registration");
var billingDb = await CreateDatabaseAsync("bench_billing");

Console.WriteLine("Bus: warming up…");
Result busFlood, busPaced;
await using (var bus = await BusBench.StartAsync(registrationDb, billingDb, redisAddress))
{
    await bus.RunAsync(1_000, Producers, eventsPerSecond: null, timeout);
    Console.WriteLine($"Bus: {Events} events from {Producers} concurrent requests, as fast as they go…");
    busFlood = await bus.RunAsync(Events, Producers, eventsPerSecond: null, timeout);
    Console.WriteLine($"Bus: {PacedEvents} events at {PacedRate}/s for latency…");
    busPaced = await bus.RunAsync(PacedEvents, Producers, PacedRate, timeout);
}

Result rawFlood, rawPaced;
await using (var redis = await ConnectionMultiplexer.ConnectAsync(redisAddress))
{
    var raw = new RawStreamsBench(redis);
    Console.WriteLine("Raw: warming up…");
    await raw.RunAsync(1_000, Producers, entriesPerSecond: null, timeout);
    Console.WriteLine($"Raw: {Events} XADD from {Producers} concurrent producers, one XREADGROUP/XACK consumer…");
    rawFlood = await raw.RunAsync(Events, Producers, entriesPerSecond: null, timeout);
    Console.WriteLine($"Raw: {PacedEvents} entries at {PacedRate}/s for latency…");
    rawPaced = await raw.RunAsync(PacedEvents, Producers, PacedRate, timeout);
}

Console.WriteLine();
Console.WriteLine($"                                  flood events/s   paced {PacedRate}/s: p50 / p99 (ms)   flood: p50 / p99 (ms)");
Console.WriteLine($"outbox + Redis Streams + inbox   {busFlood.PerSecond,16:N0}   {busPaced.P50Milliseconds,14:N1} / {busPaced.P99Milliseconds,-8:N1}   {busFlood.P50Milliseconds,10:N0} / {busFlood.P99Milliseconds:N0}");
Console.WriteLine($"raw XADD / XREADGROUP + XACK    {rawFlood.PerSecond,16:N0}   {rawPaced.P50Milliseconds,14:N1} / {rawPaced.P99Milliseconds,-8:N1}   {rawFlood.P50Milliseconds,10:N0} / {rawFlood.P99Milliseconds:N0}");
Console.WriteLine(
    $"(flood latency is mostly queueing: the {Events:N0} requests committed in {busFlood.Enqueued.TotalSeconds:N1} s " +
    $"({Events / busFlood.Enqueued.TotalSeconds:N0}/s), the last event was handled after {busFlood.Elapsed.TotalSeconds:N1} s)");
BenchSummary.Add("event delivery: outbox -> Redis Streams -> inbox (latency paced at " + PacedRate + "/s)", $"{busFlood.PerSecond:N0} events/s",
    $"raw Redis Streams {rawFlood.PerSecond:N0} entries/s", busFlood.PerSecond / rawFlood.PerSecond, busPaced.P50Milliseconds, busPaced.P99Milliseconds, "0");
Console.WriteLine();
Console.WriteLine(
    $"The bus delivers {busFlood.PerSecond:N0} events/s against {rawFlood.PerSecond:N0} entries/s for raw Redis Streams: " +
    $"{busFlood.PerSecond / rawFlood.PerSecond:P1} of raw throughput (raw is {rawFlood.PerSecond / busFlood.PerSecond:N1}× faster). " +
    $"At {PacedRate}/s, publish→handled takes p50 {busPaced.P50Milliseconds:N1} ms / p99 {busPaced.P99Milliseconds:N1} ms, " +
    $"against {rawPaced.P50Milliseconds:N1} / {rawPaced.P99Milliseconds:N1} ms for XADD→XACK.");
