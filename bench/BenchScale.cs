namespace EventPlatform.Bench;

/// <summary>
/// A benchmark's full form, or its short form, which the test command runs (and EVENTPLATFORM_BENCH_SHORT=1 asks for):
/// the same scenarios with a few percent of the load, to prove every benchmark still runs and gets right answers. The
/// figures of a short form mean nothing.
/// </summary>
internal sealed class BenchScale(bool shortForm)
{
    public static bool ShortFromEnvironment => Environment.GetEnvironmentVariable("EVENTPLATFORM_BENCH_SHORT") == "1";

    public T Pick<T>(T full, T shortOne) => shortForm ? shortOne : full;
}
