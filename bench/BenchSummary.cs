using System.Globalization;

namespace EventPlatform.Bench;

/// <summary>
/// One row of the table <c>bench/run</c> prints across every benchmark: a scenario, our figure, the baseline measured
/// in the same run, the ratio between them, latency and errors. Rows go to the file named by
/// EVENTPLATFORM_BENCH_SUMMARY (bench/run sets it); a benchmark run alone prints only its own table.
/// </summary>
internal static class BenchSummary
{
    public static void Add(string scenario, string ours, string baseline, double ratio, double p50Milliseconds, double p99Milliseconds, string errors)
    {
        if (Environment.GetEnvironmentVariable("EVENTPLATFORM_BENCH_SUMMARY") is not { Length: > 0 } path)
        {
            return;
        }

        string[] cells = [scenario, ours, baseline, ratio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal),
            p50Milliseconds.ToString("N1", CultureInfo.InvariantCulture), p99Milliseconds.ToString("N1", CultureInfo.InvariantCulture), errors];
        File.AppendAllText(path, string.Join('\t', cells) + Environment.NewLine);
    }
}
