namespace EventPlatform.Messaging;

/// <summary>Exponential backoff: the first wait after one failure is <see cref="Base"/>, doubling up to <see cref="Max"/>.</summary>
internal readonly record struct Backoff(TimeSpan Base, TimeSpan Max)
{
    public TimeSpan After(int failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - 1, 30);
        var delay = Base.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, Max.TotalMilliseconds));
    }

    /// <summary>Waits, or returns early without throwing when the service stops.</summary>
    public static async Task DelayAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
