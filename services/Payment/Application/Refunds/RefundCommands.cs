using EventPlatform.ServiceDefaults.Hosting;
using System.Security.Cryptography;
using System.Text;
using EventPlatform.Domain;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.Payment.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Application.Refunds;

/// <summary>
/// Refunds are recorded first, under a key that says why (one per cancellation, late payment or organizer request),
/// and handed to the provider afterwards by the provider-work loop under the refund's id as idempotency key: a crash
/// anywhere refunds neither twice nor never.
/// </summary>
public sealed class RefundCommands(
    CommandPipeline<PaymentDbContext> pipeline, IPaymentProvider provider, WorkSignal<ProviderWork> work, TimeProvider clock)
{
    private PaymentDbContext Db => pipeline.Db;

    /// <summary>The key of the refund a cancellation (of the registration or of the whole event) gives: one per payment.</summary>
    public static string CancellationKey(PaymentIntentId id) => $"cancellation:{id}";

    /// <summary>Another service's request id (registration's "late-payment:{id}"), kept readable when it is short.</summary>
    public static string ServiceKey(string requestId) =>
        requestId.Length <= 100 ? $"service:{requestId}" : "service:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));

    /// <summary>An organizer's request id, made theirs: two organizers' keys never collide, nor a key with a system one.</summary>
    public static string OrganizerKey(Caller caller, string requestId) =>
        "organizer:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.Subject}\n{requestId}")));

    /// <summary>
    /// A refund of a succeeded payment under <paramref name="key"/>; the same key again returns the first refund.
    /// <paramref name="authorize"/> sees the intent before anything is recorded.
    /// </summary>
    public async Task<Refund> RequestAsync(
        PaymentIntentId id, long? amountMinor, RefundReason reason, string note, string key, Func<PaymentIntent, CancellationToken, Task> authorize,
        CancellationToken cancellationToken) =>
        (await pipeline.CreateOnceAsync(
            key,
            async (command, token) => await RecordAsync(id, amountMinor, reason, note, key, command, token, authorize, capToRefundable: false)
                ?? throw new InvalidOperationException("An uncapped refund is always recorded."),
            cancellationToken))!;

    /// <summary>
    /// The refund a cancellation gives, at most what is left of the payment (an organizer may have refunded part of it
    /// already); null when nothing is left. Once per payment (<see cref="CancellationKey"/>), in the caller's transaction
    /// (an integration event's handling): the intent's lock, not a unique violation, decides between two cancellations.
    /// </summary>
    public Task<Refund?> RefundCancellationAsync(
        PaymentIntentId id, long? amountMinor, RefundReason reason, string note, CancellationToken cancellationToken) =>
        pipeline.RunAsync(
            (command, token) => RecordAsync(id, amountMinor, reason, note, CancellationKey(id), command, token, authorize: null, capToRefundable: true),
            cancellationToken);

    /// <summary>Hands a pending refund to the provider, or learns where a handed one stands.</summary>
    public async Task SubmitAsync(RefundId id, CancellationToken cancellationToken)
    {
        var refund = await Db.Refunds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (refund is not { Status: RefundStatus.Pending })
        {
            return;
        }

        var intent = await Db.PaymentIntents.AsNoTracking().SingleAsync(i => i.Id == refund.PaymentIntentId, cancellationToken);
        ProviderRefund answer;
        try
        {
            answer = refund.ProviderRefundId is { } providerRefundId
                ? await provider.GetRefundAsync(providerRefundId, cancellationToken)
                : await provider.CreateRefundAsync(
                    intent.ProviderPaymentId!, refund.Amount, refund.Id.ToString(),
                    new Dictionary<string, string>
                    {
                        ["refund_id"] = refund.Id.ToString(),
                        ["payment_intent_id"] = intent.Id.ToString(),
                        ["reason"] = refund.Reason.ToString(),
                    },
                    cancellationToken);
        }
        catch (ProviderRejectedException e)
        {
            answer = new ProviderRefund(refund.ProviderRefundId ?? "", ProviderRefundStatus.Failed, e.Message);
        }
        catch (UnavailableException)
        {
            await UpdateAsync(id, (r, _, now) => r.SubmissionFailed(now), cancellationToken);
            throw;
        }

        await ApplyAsync(id, answer, cancellationToken);
    }

    /// <summary>A provider's refund, read again from it (a webhook's trigger).</summary>
    public async Task SyncAsync(string providerRefundId, CancellationToken cancellationToken)
    {
        var id = await Db.Refunds.AsNoTracking().Where(r => r.ProviderRefundId == providerRefundId).Select(r => (RefundId?)r.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (id is { } known)
        {
            await ApplyAsync(known, await provider.GetRefundAsync(providerRefundId, cancellationToken), cancellationToken);
        }
    }

    private async Task<Refund?> RecordAsync(
        PaymentIntentId id, long? amountMinor, RefundReason reason, string note, string key, CommandContext command,
        CancellationToken cancellationToken, Func<PaymentIntent, CancellationToken, Task>? authorize, bool capToRefundable)
    {
        var intent = await Db.LockIntentAsync(id, cancellationToken) ?? throw new NotFoundException("payment intent", id.ToString());
        if (authorize is not null)
        {
            await authorize(intent, cancellationToken);
        }

        if (await Db.Refunds.WithRequestId(key).SingleOrDefaultAsync(cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (capToRefundable)
        {
            amountMinor = Math.Min(amountMinor ?? intent.RefundableMinor, intent.RefundableMinor);
            if (amountMinor == 0)
            {
                return null;
            }
        }

        var refund = intent.RequestRefund(RefundId.New(), amountMinor, reason, note, clock.GetUtcNow());
        Db.Refunds.Add(refund);
        Db.Entry(refund).Property(Idempotency.RequestId).CurrentValue = key;
        command.AfterCommit(() =>
        {
            work.Notify();
            return Task.CompletedTask;
        });
        return refund;
    }

    private Task ApplyAsync(RefundId id, ProviderRefund answer, CancellationToken cancellationToken) =>
        UpdateAsync(id, (refund, intent, now) =>
        {
            if (answer.ProviderRefundId.Length > 0)
            {
                refund.Submitted(answer.ProviderRefundId);
            }

            switch (answer.Status)
            {
                case ProviderRefundStatus.Succeeded:
                    refund.Complete(intent, now);
                    break;
                case ProviderRefundStatus.Failed:
                    refund.Fail(answer.FailureMessage ?? "The payment provider refused the refund.", intent, now);
                    break;
            }
        }, cancellationToken);

    /// <summary>The intent's lock first, then the refund's: the order every refund change takes.</summary>
    private Task UpdateAsync(RefundId id, Action<Refund, PaymentIntent, DateTimeOffset> change, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var intentId = await Db.Refunds.Where(r => r.Id == id).Select(r => r.PaymentIntentId).SingleAsync(token);
            var intent = await Db.LockIntentAsync(intentId, token);
            if (intent is not null && await Db.LockRefundAsync(id, token) is { } refund)
            {
                change(refund, intent, clock.GetUtcNow());
            }
        }, cancellationToken);
}
