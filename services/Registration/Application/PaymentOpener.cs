using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// Tells payment what a Pending registration owes. Registering and approving do it right after their commit, so the
/// attendee can pay at once; a sweep over the table does it for promotions and for whatever failed (payment down),
/// so a restart loses nothing.
/// </summary>
public sealed class PaymentOpener(CommandPipeline<RegistrationDbContext> pipeline, IPayments payments, ILogger<PaymentOpener> logger)
{
    private const int Batch = 100;

    /// <summary>How long a registration's answer waits for its payment to open; the sweep runs every two seconds.</summary>
    private static readonly TimeSpan InlineBudget = TimeSpan.FromSeconds(3);

    /// <summary>Opens every Pending registration's payment not opened yet; returns how many.</summary>
    public async Task<int> OpenDueAsync(CancellationToken cancellationToken)
    {
        var due = await pipeline.Db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Pending && r.PaymentIntentId == null)
            .OrderBy(r => r.CreateTime).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await OpenAsync(id, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>
    /// Right after a commit that left the registration Pending: a failure, or a payment service slower than
    /// <see cref="InlineBudget"/>, is left to the sweep, never to the caller, whose registration already stands.
    /// </summary>
    public async Task TryOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(InlineBudget);
        try
        {
            await OpenAsync(id, budget.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Payment of registration {RegistrationId} not opened yet ({Reason}); the sweep retries", id,
                e is OperationCanceledException ? $"no answer within {InlineBudget.TotalSeconds:N0} s" : e.Message);
        }
    }

    private async Task OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var registration = await pipeline.Db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is not { Status: RegistrationStatus.Pending, PaymentIntentId: null })
        {
            return;
        }

        var policy = await pipeline.Db.CapacityPolicies.AsNoTracking().SingleAsync(p => p.EventId == registration.EventId, cancellationToken);
        await payments.OpenAsync(registration, policy, cancellationToken);
        await pipeline.RunAsync(async (_, token) =>
        {
            // Only this column is written: a concurrent status change of the registration is not overwritten.
            var tracked = await pipeline.Db.Registrations.SingleAsync(r => r.Id == id, token);
            tracked.PaymentOpened();
        }, cancellationToken);
    }
}
