using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Application.Webhooks;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.Payment.Infrastructure;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Payment.Application;

/// <summary>
/// Everything payment owes the provider, read from the database so a restart loses none of it: webhooks to act on,
/// refunds to hand over, payments closed here to cancel there. A provider outage stops the round; the next one
/// retries (a refund waits longer after each failed attempt).
/// </summary>
public sealed class ProviderWork(
    PaymentDbContext db, ProviderEvents events, RefundCommands refunds, PaymentIntentCommands intents, TimeProvider clock)
{
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await events.UnprocessedAsync(Batch, cancellationToken))
        {
            await events.ProcessAsync(id, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var dueRefunds = await db.Refunds.AsNoTracking()
            .Where(r => r.Status == RefundStatus.Pending && r.ProviderRefundId == null && r.NextAttemptTime <= now)
            .OrderBy(r => r.CreateTime).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in dueRefunds)
        {
            await refunds.SubmitAsync(id, cancellationToken);
        }

        var toCancel = await db.PaymentIntents.AsNoTracking()
            .Where(i => i.ProviderCancellationDue).OrderBy(i => i.UpdateTime).Select(i => new { i.Id, i.ProviderPaymentId })
            .Take(Batch).ToListAsync(cancellationToken);
        foreach (var intent in toCancel)
        {
            await intents.CancelAtProviderAsync(intent.Id, intent.ProviderPaymentId!, cancellationToken);
        }
    }
}

/// <summary>
/// Asks the provider about what went quiet — an open payment with no news (a lost webhook), a refund handed over but not
/// completed — and closes payments whose deadline passed unpaid.
/// </summary>
public sealed class PaymentReconciliation(
    PaymentDbContext db, PaymentIntentCommands intents, RefundCommands refunds, IOptions<PaymentOptions> options, TimeProvider clock)
{
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = await db.PaymentIntents.AsNoTracking()
            .Where(i => (i.Status == PaymentIntentStatus.RequiresPayment || i.Status == PaymentIntentStatus.Processing) && i.ExpireTime <= now)
            .OrderBy(i => i.ExpireTime).Select(i => i.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in lapsed)
        {
            await intents.CancelAsync(id, "The payment deadline passed unpaid.", cancellationToken);
        }

        var quietSince = now - options.Value.StaleAfter;
        var quiet = await db.PaymentIntents.AsNoTracking()
            .Where(i => (i.Status == PaymentIntentStatus.RequiresPayment || i.Status == PaymentIntentStatus.Processing)
                && i.ProviderPaymentId != null && i.UpdateTime <= quietSince)
            .OrderBy(i => i.UpdateTime).Select(i => i.ProviderPaymentId!).Take(Batch).ToListAsync(cancellationToken);
        foreach (var providerPaymentId in quiet)
        {
            await intents.SyncAsync(providerPaymentId, cancellationToken);
        }

        var handedOver = await db.Refunds.AsNoTracking()
            .Where(r => r.Status == RefundStatus.Pending && r.ProviderRefundId != null && r.CreateTime <= quietSince)
            .OrderBy(r => r.CreateTime).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in handedOver)
        {
            await refunds.SubmitAsync(id, cancellationToken);
        }
    }
}

/// <summary>Runs <see cref="ProviderWork"/> whenever it is signalled, and at least every ProviderWorkInterval.</summary>
public sealed class ProviderWorkService(
    IServiceScopeFactory scopes, WorkSignal<ProviderWork> signal, IOptions<PaymentOptions> options, TimeProvider clock, ILogger<ProviderWorkService> logger)
    : SignalledWorkService<ProviderWork>(scopes, signal, clock, logger, options.Value.ProviderWorkInterval, "Provider work")
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ProviderWork>().RunAsync(cancellationToken);
}

/// <summary>Runs <see cref="PaymentReconciliation"/>.</summary>
public sealed class PaymentReconciliationService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PaymentOptions> options, ILogger<PaymentReconciliationService> logger)
    : PeriodicSweep(scopes, clock, logger, options.Value.ReconciliationInterval, "Payment reconciliation")
{
    protected override Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PaymentReconciliation>().RunAsync(cancellationToken);
}
