using EventPlatform.Bench;
using EventPlatform.Bench.Messaging;
using EventPlatform.Testing;

Console.WriteLine($"Starting PostgreSQL (fsync on) and Redis (append-only file) on {Environment.ProcessorCount} cores…");
await using var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"], Durable = true });
return await MessagingBenchmark.RunAsync(
    app, Console.Out, Environment.GetEnvironmentVariable(BenchSummary.PathVariable), BenchScale.ShortFromEnvironment);
