using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Notification.Application.Sending;

/// <summary>
/// Sends due emails, several at a time: a flash sale's waitlist is thousands of emails at once, and each one spends
/// most of its time waiting for the mail server and billing's PDF, not for this process. Each is a
/// <see cref="DeliveryAttempt"/> in a scope of its own; replicas share the work through its row lock, never an email.
/// </summary>
public sealed class DeliveryWork(
    IServiceScopeFactory scopes, NotificationDbContext db, EventMessagePlanning messages, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private int Concurrency => Math.Max(1, options.Value.SendConcurrency);

    // A few rounds of senders per query: fewer queries, and a batch still short enough to leave work to other replicas.
    private int Batch => Concurrency * 4;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await messages.PlanPendingAsync(cancellationToken);
        while (await SendBatchAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var due = await db.Deliveries.FromSqlInterpolated(
                $"""
                SELECT * FROM deliveries
                WHERE status = 'Pending' AND channel = 'Email' AND next_attempt_time <= {clock.GetUtcNow()}
                ORDER BY next_attempt_time LIMIT {Batch}
                """)
            .AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        await Parallel.ForEachAsync(
            due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (id, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryAttempt>().RunAsync(id, token);
            });
        return due.Count;
    }
}

/// <summary>Runs <see cref="DeliveryWork"/> when a delivery is planned, and at least every SendInterval (retries fall due).</summary>
public sealed class DeliveryWorkService(
    IServiceScopeFactory scopes, WorkSignal<DeliveryWork> signal, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliveryWorkService> logger)
    : SignalledWorkService<DeliveryWork>(scopes, signal, clock, logger, options.Value.SendInterval, "Email delivery")
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DeliveryWork>().RunAsync(cancellationToken);
}
