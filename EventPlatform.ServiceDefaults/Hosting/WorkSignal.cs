using System.Threading.Channels;

namespace EventPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Wakes a work loop as soon as there is something to do, so it does not wait for its next tick. Only a hint: the work
/// itself is read from the database. One per kind of work (<typeparamref name="TWork"/>).
/// </summary>
public sealed class WorkSignal<TWork>
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Completes when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var elapsed = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _signal.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
