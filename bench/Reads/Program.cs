using EventPlatform.Bench;
using EventPlatform.Bench.Reads;
using EventPlatform.Testing;

Console.WriteLine($"Starting the whole system (every service behind the BFF, PostgreSQL, Redis) on {Environment.ProcessorCount} cores…");
await using var app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["bff"] });
return await ReadsBenchmark.RunAsync(
    app, Console.Out, Environment.GetEnvironmentVariable(BenchSummary.PathVariable), BenchScale.ShortFromEnvironment);
