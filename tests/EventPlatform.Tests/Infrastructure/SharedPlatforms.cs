using System.Collections.Concurrent;

namespace EventPlatform.Tests.Infrastructure;

/// <summary>
/// Platforms kept by name for every collection that asks for one, started (and warmed up) by the first and stopped by
/// the last. The fault collection runs alone, after all the others, on the payment system its collection had
/// used: stopped at that collection's end, it would be started again while nothing else runs, close to two minutes of the
/// run on two cores.
/// </summary>
internal static class SharedPlatforms
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<TestPlatform>>> Started = new();

    // When the last collection to use a platform did not run (a filtered run), the run's end is the platform's: the
    // orchestrator ends its processes as this one exits, and its data is deleted here.
    static SharedPlatforms() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteLeftData();

    public static Task<TestPlatform> GetAsync(string name, Func<Task<TestPlatform>> start) =>
        Started.GetOrAdd(name, _ => new Lazy<Task<TestPlatform>>(start)).Value;

    public static async Task StopAsync(string name)
    {
        if (Started.TryRemove(name, out var platform) && platform.IsValueCreated && platform.Value.IsCompletedSuccessfully)
        {
            await platform.Value.Result.DisposeAsync();
        }
    }

    private static void DeleteLeftData()
    {
        foreach (var platform in Started.Values.Where(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully))
        {
            try
            {
                Directory.Delete(platform.Value.Result.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
