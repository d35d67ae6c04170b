using System.Net;
using System.Text;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Tests.Messaging;
using Stripe;
using PaymentIntent = EventPlatform.Payment.Domain.Payments.PaymentIntent;
using PaymentIntentService = Stripe.PaymentIntentService;

namespace EventPlatform.Tests.Payment;

/// <summary>
/// The webhook endpoint as the provider reaches it: the signature is the only authentication, each provider event is
/// acted on once, and acting on one means reading the payment from the provider, so no body can move a payment back.
/// </summary>
[Collection(PaymentCollection.Name)]
public sealed class WebhookTests(PaymentInfrastructure infrastructure) : IAsyncLifetime
{
    private const string Succeeded = "eventplatform.payment.v1.PaymentSucceeded";
    private const string Failed = "eventplatform.payment.v1.PaymentFailed";
    private readonly HttpClient _http = new();
    private PaymentHost _payment = null!;

    public async Task InitializeAsync() => _payment = await PaymentHost.StartAsync(infrastructure, "webhooks");

    [Fact]
    public async Task A_valid_event_delivered_five_times_at_once_is_applied_once()
    {
        var intent = await _payment.PreparedIntentAsync();
        await PayAtProviderAsync(intent, "pm_card_visa");
        var stripeEvent = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.succeeded", intent.ProviderPaymentId!);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DeliverAsync(stripeEvent, Sign(stripeEvent))));

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        var paid = await Eventually.ReturnsAsync(() => _payment.IntentAsync(intent.Id), i => i.Status == PaymentIntentStatus.Succeeded, "the payment to succeed");
        paid.Charges.Count(c => c.Succeeded).ShouldBe(1);
        (await _payment.ProviderEventCountAsync()).ShouldBe(1);
        (await _payment.OutboxCountAsync(Succeeded, intent.RegistrationId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_payment_failed_event_arriving_after_succeeded_does_not_undo_it()
    {
        var intent = await _payment.PreparedIntentAsync();
        await PayAtProviderAsync(intent, "pm_card_visa");
        var succeeded = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.succeeded", intent.ProviderPaymentId!);
        (await DeliverAsync(succeeded, Sign(succeeded))).ShouldBe(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => _payment.IntentAsync(intent.Id), i => i.Status == PaymentIntentStatus.Succeeded, "the payment to succeed");

        // Older news, delivered late: whatever its body says, the provider says the payment succeeded.
        var failed = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.payment_failed", intent.ProviderPaymentId!);
        (await DeliverAsync(failed, Sign(failed))).ShouldBe(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(_payment.ProviderEventCountAsync, n => n == 2, "both events to be recorded");
        await Eventually.HoldsAsync(async () => await UnprocessedAsync() == 0, "both events to be acted on");

        var after = await _payment.IntentAsync(intent.Id);
        after.Status.ShouldBe(PaymentIntentStatus.Succeeded);
        (await _payment.OutboxCountAsync(Succeeded, intent.RegistrationId)).ShouldBe(1);
        (await _payment.OutboxCountAsync(Failed, intent.RegistrationId)).ShouldBe(0);
    }

    public static TheoryData<string> Forgeries => new() { "wrong secret", "tampered body", "stale timestamp", "no signature", "not a signature" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_webhook_is_refused_with_400_and_changes_nothing(string forgery)
    {
        var intent = await _payment.PreparedIntentAsync();
        await PayAtProviderAsync(intent, "pm_card_visa");
        var body = EventJson("evt_" + Guid.NewGuid().ToString("N"), "payment_intent.succeeded", intent.ProviderPaymentId!);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (sent, signature) = forgery switch
        {
            "wrong secret" => (body, EventUtility.GenerateSignatureHeader(body, "whsec_not_ours", now)),
            "tampered body" => (body.Replace("payment_intent.succeeded", "payment_intent.canceled"), Sign(body)),
            "stale timestamp" => (body, EventUtility.GenerateSignatureHeader(body, PaymentInfrastructure.WebhookSecret, now - 3600)),
            "no signature" => (body, null),
            _ => (body, "t=oops,v1=nothing"),
        };

        (await DeliverAsync(sent, signature)).ShouldBe(HttpStatusCode.BadRequest);

        (await _payment.ProviderEventCountAsync()).ShouldBe(0);
        (await _payment.IntentAsync(intent.Id)).Status.ShouldBe(PaymentIntentStatus.RequiresPayment);
        (await _payment.OutboxCountAsync(Succeeded, intent.RegistrationId)).ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _payment.DisposeAsync();
    }

    /// <summary>The attendee's browser pays the provider directly (Stripe.js would); payment learns of it only by webhook.</summary>
    private Task PayAtProviderAsync(PaymentIntent intent, string paymentMethod) =>
        new PaymentIntentService(new StripeClient(PaymentInfrastructure.ApiKey, apiBase: infrastructure.SandboxUrl))
            .ConfirmAsync(intent.ProviderPaymentId, new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod });

    private async Task<HttpStatusCode> DeliverAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _payment.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<long> UnprocessedAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_payment.Database);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM provider_events WHERE process_time IS NULL", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static string Sign(string body) =>
        EventUtility.GenerateSignatureHeader(body, PaymentInfrastructure.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>An event as Stripe sends it; only its id, type and object id matter to payment.</summary>
    private static string EventJson(string id, string type, string paymentIntentId) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["type"] = type,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["data"] = new Dictionary<string, object> { ["object"] = new Dictionary<string, string> { ["id"] = paymentIntentId, ["object"] = "payment_intent" } },
    });
}
