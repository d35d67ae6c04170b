using EventPlatform.Bench.Messaging;
using EventPlatform.Bench.Reads;
using EventPlatform.Bench.Registration;
using Xunit.Abstractions;

namespace EventPlatform.Tests.EndToEnd.Benchmarks;

/// <summary>
/// Every benchmark of <c>bench/</c> in its short form (the same scenarios with a few percent of the load), run as
/// <c>bench/run</c> runs the full forms, but on the fault collection's platform (alone, after the other tests) rather
/// than on one started for each: event delivery on a PostgreSQL and Redis of its own, since its two stand-in services
/// publish on the real topics. What is checked is that each runs to its table with right answers: a benchmark fails its
/// run on an HTTP error, a timeout or an oversold seat. Its figures, printed to the test output, mean nothing at this
/// size and are never asserted.
/// </summary>
[Collection(FaultSystemCollection.Name)]
public sealed class BenchmarkTests(FaultSystemFixture system, ITestOutputHelper output)
{
    private delegate Task<int> Benchmark(TestPlatform app, TextWriter console, string? summaryPath, bool shortForm);

    [Fact]
    public async Task Event_delivery_runs_its_short_form_to_its_table()
    {
        await using var platform = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });
        await RunsToItsTableAsync(MessagingBenchmark.RunAsync, platform, rows: 1);
    }

    [Fact]
    public Task Registrations_and_the_flash_sale_run_their_short_form_to_their_table_without_oversell() =>
        RunsToItsTableAsync(RegistrationBenchmark.RunAsync, system.App, rows: 3);

    [Fact]
    public Task Public_reads_run_their_short_form_to_their_table() =>
        RunsToItsTableAsync(ReadsBenchmark.RunAsync, system.App, rows: 4); // each read at 64 connections (the full form adds 16)

    private async Task RunsToItsTableAsync(Benchmark benchmark, TestPlatform platform, int rows)
    {
        var summary = Path.GetTempFileName();
        await using var printed = new StringWriter();
        int exitCode;
        List<string[]> table;
        try
        {
            exitCode = await benchmark(platform, printed, summary, shortForm: true);
            table = File.ReadAllLines(summary).Select(line => line.Split('\t')).ToList();
        }
        finally
        {
            output.WriteLine(printed.ToString());
            File.Delete(summary);
        }

        exitCode.ShouldBe(0, "the benchmark got a wrong answer; its output is above.");
        table.Count.ShouldBe(rows);
        table.ShouldAllBe(row => row.Length == 7 && row[6] == "0");
    }
}
