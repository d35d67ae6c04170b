using EventPlatform.ServiceDefaults.Hosting;
using EventPlatform.Domain;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Payment.Application.Payments;

public sealed record OpenPaymentIntentCommand(
    Guid RegistrationId, Guid EventId, string OrganizerId, string AttendeeId, string AttendeeEmail, Money Amount, string Description,
    DateTimeOffset ExpireTime);

/// <summary>
/// Opening, paying and stopping a payment intent. The provider is called outside any database transaction (a slow
/// provider holds no lock) and under an idempotency key, so a repeated call never pays twice; what it answers is then
/// applied to the intent under its row lock, the same way a webhook's re-read is.
/// </summary>
public sealed class PaymentIntentCommands(
    CommandPipeline<PaymentDbContext> pipeline, IPaymentProvider provider, WorkSignal<ProviderWork> work, TimeProvider clock)
{
    private PaymentDbContext Db => pipeline.Db;

    /// <summary>Records what a registration owes; the same registration again returns its intent unchanged.</summary>
    public async Task<PaymentIntent> OpenAsync(OpenPaymentIntentCommand command, CancellationToken cancellationToken)
    {
        var id = PaymentIntentId.OfRegistration(command.RegistrationId);
        if (await FindAsync(id, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await pipeline.RunAsync(async (_, token) =>
            {
                var description = command.Description.Length > 0 ? command.Description : await DescribeAsync(command.EventId, token);
                var intent = PaymentIntent.Open(
                    command.RegistrationId, command.EventId, command.OrganizerId, command.AttendeeId, command.AttendeeEmail, command.Amount,
                    description, command.ExpireTime, clock.GetUtcNow());
                Db.PaymentIntents.Add(intent);
                CheckoutTrace.Remember(Db, intent);
                return intent;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Opened concurrently by a retry of the same call.
            Db.ChangeTracker.Clear();
            return await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException("A concurrent open failed to commit.", e);
        }
    }

    /// <summary>
    /// Gets the attendee's intent ready to pay: its payment exists at the provider from now on. Idempotent: the
    /// provider's payment is created under the intent's id, so every call finds the same one.
    /// </summary>
    public async Task<PaymentIntent> PrepareAsync(PaymentIntentId id, Caller caller, CancellationToken cancellationToken)
    {
        var intent = await FindAsync(id, cancellationToken);
        if (intent is null || !PaymentAccess.IsPayer(caller, intent))
        {
            throw new BusinessRuleBrokenException(new NoPaymentDueRule(
                "This registration owes nothing: it is free, not waiting for payment, or not yours."));
        }

        return intent.ProviderPaymentId is null ? await CreateAtProviderAsync(intent, cancellationToken) : intent;
    }

    /// <summary>
    /// Pays with a payment method of the provider's test mode. A declined card leaves the intent waiting for another
    /// attempt (three declines fail it); a bank authentication leaves it Processing with its next_action_url.
    /// </summary>
    public async Task<PaymentIntent> ConfirmAsync(
        PaymentIntentId id, string requestId, string paymentMethod, string? returnUrl, Caller caller, CancellationToken cancellationToken)
    {
        var intent = await FindAsync(id, cancellationToken) ?? throw new NotFoundException("payment intent", id.ToString());
        PaymentAccess.MustPay(caller, intent);
        if (intent.Status == PaymentIntentStatus.Succeeded)
        {
            return intent;
        }

        intent.EnsurePayable(clock.GetUtcNow());
        if (intent.ProviderPaymentId is null)
        {
            intent = await CreateAtProviderAsync(intent, cancellationToken);
        }

        ProviderPayment answer;
        try
        {
            answer = await provider.ConfirmPaymentAsync(
                intent.ProviderPaymentId!, paymentMethod, returnUrl, $"{id}:confirm:{requestId}", cancellationToken);
        }
        catch (ProviderRejectedException e) when (e.Code == "resource_missing")
        {
            throw new InvalidInputException("payment_method", $"Not a payment method of the provider: {e.Message}");
        }
        catch (ProviderRejectedException)
        {
            // E.g. paid or cancelled meanwhile: what counts is where the payment stands now.
            answer = await provider.GetPaymentAsync(intent.ProviderPaymentId!, cancellationToken);
        }

        return await ApplyAsync(id, answer, cancellationToken) ?? intent;
    }

    /// <summary>Reads the payment from the provider and applies it (a webhook's trigger, or reconciliation).</summary>
    public async Task SyncAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        var payment = await provider.GetPaymentAsync(providerPaymentId, cancellationToken);
        if (payment.Reference is { } reference && Guid.TryParse(reference, out var value))
        {
            var id = PaymentIntentId.From(value);
            using var trace = await CheckoutTrace.ContinueAsync(Db, id, cancellationToken);
            await ApplyAsync(id, payment, cancellationToken);
        }
    }

    /// <summary>
    /// The registration no longer owes it. Runs in the caller's transaction when there is one (an integration event's
    /// handling): nothing here calls the provider, which is told later by the provider-work loop.
    /// </summary>
    public Task<PaymentIntent?> CancelAsync(PaymentIntentId id, string reason, CancellationToken cancellationToken) =>
        pipeline.RunAsync<PaymentIntent?>(async (command, token) =>
        {
            if (await Db.LockIntentAsync(id, token) is not { } intent)
            {
                return null;
            }

            if (intent.Cancel(reason, clock.GetUtcNow()) && intent.ProviderCancellationDue)
            {
                command.AfterCommit(() =>
                {
                    work.Notify();
                    return Task.CompletedTask;
                });
            }

            return intent;
        }, cancellationToken);

    /// <summary>Cancels the provider's payment of an intent closed here; the provider's answer is applied (it may have been paid meanwhile).</summary>
    public async Task CancelAtProviderAsync(PaymentIntentId id, string providerPaymentId, CancellationToken cancellationToken)
    {
        ProviderPayment answer;
        try
        {
            answer = await provider.CancelPaymentAsync(providerPaymentId, cancellationToken);
        }
        catch (ProviderRejectedException)
        {
            // Already succeeded or cancelled there.
            answer = await provider.GetPaymentAsync(providerPaymentId, cancellationToken);
        }

        await pipeline.RunAsync(async (_, token) =>
        {
            if (await Db.LockIntentAsync(id, token) is not { } intent)
            {
                return;
            }

            var now = clock.GetUtcNow();
            intent.Apply(provider.Name, answer, now);
            if (answer.Status is not (ProviderPaymentStatus.RequiresPaymentMethod or ProviderPaymentStatus.RequiresAction or ProviderPaymentStatus.Processing))
            {
                intent.ProviderCancelled(now);
            }
        }, cancellationToken);
    }

    private async Task<PaymentIntent> CreateAtProviderAsync(PaymentIntent intent, CancellationToken cancellationToken)
    {
        intent.EnsurePayable(clock.GetUtcNow());
        var payment = await provider.CreatePaymentAsync(
            new ProviderPaymentRequest(
                intent.Id.ToString(),
                intent.Amount,
                intent.Description,
                intent.AttendeeEmail,
                new Dictionary<string, string>
                {
                    ["payment_intent_id"] = intent.Id.ToString(),
                    ["registration_id"] = intent.RegistrationId.ToString(),
                    ["event_id"] = intent.EventId.ToString(),
                }),
            cancellationToken);
        return await ApplyAsync(intent.Id, payment, cancellationToken) ?? intent;
    }

    /// <summary>The provider's view applied under the intent's row lock; null if the intent is unknown.</summary>
    private Task<PaymentIntent?> ApplyAsync(PaymentIntentId id, ProviderPayment payment, CancellationToken cancellationToken) =>
        pipeline.RunAsync<PaymentIntent?>(async (command, token) =>
        {
            if (await Db.LockIntentAsync(id, token) is not { } intent)
            {
                return null;
            }

            intent.Apply(provider.Name, payment, clock.GetUtcNow());
            if (intent.ProviderCancellationDue)
            {
                command.AfterCommit(() =>
                {
                    work.Notify();
                    return Task.CompletedTask;
                });
            }

            return intent;
        }, cancellationToken);

    private Task<PaymentIntent?> FindAsync(PaymentIntentId id, CancellationToken cancellationToken) =>
        Db.PaymentIntents.AsNoTracking().Include(i => i.Charges).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    private async Task<string> DescribeAsync(Guid eventId, CancellationToken cancellationToken) =>
        await Db.EventDetails.AsNoTracking().Where(e => e.EventId == eventId).Select(e => e.Title).SingleOrDefaultAsync(cancellationToken)
            is { Length: > 0 } title
            ? $"Registration: {title}"
            : "Event registration";
}
