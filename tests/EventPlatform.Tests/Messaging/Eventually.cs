namespace EventPlatform.Tests.Messaging;

/// <summary>Waits for something that happens asynchronously; the timeout is generous and never part of what is asserted.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        var last = await probe();
        while (!condition(last))
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting for {what}. Last observed: {Describe(last)}.");
            }

            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }

    public static Task HoldsAsync(Func<Task<bool>> probe, string what, TimeSpan? patience = null) =>
        ReturnsAsync(probe, ok => ok, what, patience);

    private static string Describe<T>(T value) => value switch
    {
        System.Collections.ICollection collection => $"{collection.Count} item(s)",
        _ => value?.ToString() ?? "null",
    };
}
