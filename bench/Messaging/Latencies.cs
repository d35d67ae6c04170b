using System.Diagnostics;

namespace EventPlatform.Bench.Messaging;

/// <summary>Counts completions and keeps their latencies; waits until a number of them is reached.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _target = long.MaxValue;
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Reset(long target)
    {
        lock (_milliseconds)
        {
            _milliseconds.Clear();
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _target, target);
        }
    }

    public void Record(double milliseconds)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(milliseconds);
            if (Interlocked.Increment(ref _count) >= Interlocked.Read(ref _target))
            {
                _reached.TrySetResult();
            }
        }
    }

    /// <summary>Waits for the target, printing progress every few seconds so a slow run is visibly alive.</summary>
    public async Task WaitAsync(string what, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        Task reached;
        lock (_milliseconds)
        {
            reached = _reached.Task;
        }

        while (!reached.IsCompleted)
        {
            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"{what}: only {Count} of {Interlocked.Read(ref _target)} completed after {timeout}.");
            }

            await Task.WhenAny(reached, Task.Delay(TimeSpan.FromSeconds(3)));
            if (!reached.IsCompleted)
            {
                Console.WriteLine($"  … {what}: {Count}/{Interlocked.Read(ref _target)}");
            }
        }
    }

    public double Percentile(double percentile)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }
}
