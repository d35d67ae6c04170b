using EventPlatform.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventPlatform.ServiceDefaults.Hosting;

/// <summary>
/// A sweep run every <c>interval</c> on the service's TimeProvider (tests move time instead of sleeping), each round
/// in a scope of its own; a failed round is logged and the next tick tries again.
/// </summary>
public abstract class PeriodicSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, TimeSpan interval, string what)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunRoundAsync(scopes, logger, what, SweepAsync, stoppingToken);
        }
    }

    protected abstract Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>
    /// One round in a scope of its own. A dependency that is down is one warning line without a stack trace (it repeats
    /// every round while it lasts); anything else is logged in full. Returns whether the round completed.
    /// </summary>
    public static async Task<bool> RunRoundAsync(
        IServiceScopeFactory scopes, ILogger logger, string what, Func<IServiceProvider, CancellationToken, Task> round, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await round(scope.ServiceProvider, stoppingToken);
            return true;
        }
        catch (UnavailableException e)
        {
            logger.LogWarning("{Sweep} stopped: {Reason}; retrying at the next round", what, e.Message);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Sweep} failed; retrying at the next round", what);
            return false;
        }
    }
}
