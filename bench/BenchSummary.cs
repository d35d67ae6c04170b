using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// One row per scenario of the table <c>bench/run</c> prints across every benchmark: the scenario, our figure, the
/// baseline measured in the same run, the ratio between them, latency and errors, appended to the file at
/// <paramref name="path"/> (bench/run names it in EVENTPLATFORM_BENCH_SUMMARY; null when a benchmark runs alone and
/// prints only its own table).
/// </summary>
internal sealed class BenchSummary(string? path)
{
    public const string PathVariable = "EVENTPLATFORM_BENCH_SUMMARY";

    public void Add(string scenario, string ours, string baseline, double ratio, double p50Milliseconds, double p99Milliseconds, string errors)
    {
        if (path is not { Length: > 0 })
        {
            return;
        }

        string[] cells = [scenario, ours, baseline, ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal),
            p50Milliseconds.ToString("N1", CultureInfo.InvariantCulture), p99Milliseconds.ToString("N1", CultureInfo.InvariantCulture), errors];
        File.AppendAllText(path, string.Join('\t', cells) + Environment.NewLine);
    }
}
