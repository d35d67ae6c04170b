using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Runs a round of <typeparamref name="TWork"/> whenever it is signalled, and at least every <c>interval</c>. While a
/// dependency is down, rounds space out (up to 30 s) instead of failing every interval.
/// </summary>
public abstract class SignalledWorkService<TWork>(
    IServiceScopeFactory scopes, WorkSignal<TWork> signal, TimeProvider clock, ILogger logger, TimeSpan interval, string what)
    : BackgroundService
{
    private static readonly TimeSpan MaxWaitAfterFailure = TimeSpan.FromSeconds(30);

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var completed = await PeriodicSweep.RunRoundAsync(scopes, logger, what, RunAsync, stoppingToken);
            wait = completed ? interval : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxWaitAfterFailure.Ticks));
            if (completed)
            {
                await signal.WaitAsync(wait, clock, stoppingToken);
            }
            else
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }
}
