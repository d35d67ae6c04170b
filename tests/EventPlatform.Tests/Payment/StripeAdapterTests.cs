using EventPlatform.Domain;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.Tests.Payment;

/// <summary>
/// The Stripe adapter (Stripe.net pointed at a local stand-in for Stripe's API): the exact requests it sends, and what
/// it does with Stripe's error answers.
/// </summary>
public sealed class StripeAdapterTests : IAsyncLifetime
{
    private const string ApiKey = "sk_test_adapter";
    private StripeStandIn _stripe = null!;
    private IHost _host = null!;

    private IPaymentProvider Provider => _host.Services.GetRequiredService<IPaymentProvider>();

    public async Task InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:ApiBase"] = _stripe.Url,
            ["Stripe:ApiKey"] = ApiKey,
            ["Stripe:WebhookSecret"] = "whsec_adapter",
            ["Stripe:MaxRetries"] = "3",
            ["Stripe:RetryDelay"] = "00:00:00.010",
            // Not what these tests are about: a first request to a cold stand-in, on a machine busy starting platforms,
            // can outlast a short attempt timeout, and an attempt cut off before the stand-in recorded it is not counted.
            ["Stripe:AttemptTimeout"] = "00:00:30",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStripePaymentProvider();
        _host = builder.Build();
        await _host.StartAsync();
    }

    [Fact]
    public async Task Creating_a_payment_sends_the_amount_the_currency_the_metadata_and_the_intent_as_idempotency_key()
    {
        _stripe.Answer((200, PaymentIntentJson("pi_1", "requires_payment_method")));

        var payment = await Provider.CreatePaymentAsync(Request("01a2-intent"), CancellationToken.None);

        var sent = _stripe.Requests.Single();
        (sent.Method, sent.Path).ShouldBe(("POST", "/v1/payment_intents"));
        sent.Authorization.ShouldBe($"Bearer {ApiKey}");
        sent.IdempotencyKey.ShouldBe("01a2-intent");
        sent.Form["amount"].ShouldBe("5000");
        sent.Form["currency"].ShouldBe("eur");
        sent.Form["description"].ShouldBe("Registration: DevConf");
        sent.Form["receipt_email"].ShouldBe("ada@example.org");
        sent.Form["metadata[payment_intent_id]"].ShouldBe("01a2-intent");
        sent.Form["metadata[registration_id]"].ShouldBe("01a2-registration");
        sent.Form["expand[0]"].ShouldBe("latest_charge");
        (payment.ProviderPaymentId, payment.Reference, payment.ClientSecret, payment.Status)
            .ShouldBe(("pi_1", "01a2-intent", "pi_1_secret_x", ProviderPaymentStatus.RequiresPaymentMethod));
    }

    [Fact]
    public async Task A_declined_card_is_an_answer_the_payment_read_again_with_its_failed_charge()
    {
        _stripe.Answer(
            (402, """{"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined.","param":""}}"""),
            (200, PaymentIntentJson("pi_1", "requires_payment_method", charge: """{"id":"ch_1","object":"charge","status":"failed","paid":false,"failure_code":"card_declined","failure_message":"Your card was declined.","outcome":{"reason":"generic_decline"},"payment_method_details":{"type":"card","card":{"brand":"visa","last4":"0002"}}}""",
                lastError: """{"type":"card_error","code":"card_declined","decline_code":"generic_decline","message":"Your card was declined."}""")));

        var payment = await Provider.ConfirmPaymentAsync("pi_1", "pm_card_chargeDeclined", null, "intent:confirm:req-1", CancellationToken.None);

        var requests = _stripe.Requests.ToList();
        (requests[0].Method, requests[0].Path, requests[0].IdempotencyKey).ShouldBe(("POST", "/v1/payment_intents/pi_1/confirm", "intent:confirm:req-1"));
        requests[0].Form["payment_method"].ShouldBe("pm_card_chargeDeclined");
        requests[1].Method.ShouldBe("GET");
        payment.Status.ShouldBe(ProviderPaymentStatus.RequiresPaymentMethod);
        payment.LatestCharge.ShouldBe(new ProviderCharge("ch_1", false, "Visa •••• 0002", "generic_decline", "Your card was declined."));
        (payment.FailureCode, payment.FailureMessage).ShouldBe(("generic_decline", "Your card was declined."));
    }

    [Fact]
    public async Task Rate_limited_calls_are_retried_with_the_same_idempotency_key()
    {
        _stripe.Answer(
            (429, """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}"""),
            (429, """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}"""),
            (200, PaymentIntentJson("pi_1", "requires_payment_method")));

        var payment = await Provider.CreatePaymentAsync(Request("intent-429"), CancellationToken.None);

        payment.ProviderPaymentId.ShouldBe("pi_1");
        _stripe.Requests.Count.ShouldBe(3);
        _stripe.Requests.ShouldAllBe(r => r.IdempotencyKey == "intent-429" && r.Form["amount"] == "5000");
    }

    [Fact]
    public async Task An_api_that_stays_down_is_unavailable_after_the_retries_and_every_attempt_carried_the_same_key()
    {
        _stripe.Answer((500, """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}"""));

        var failure = await Should.ThrowAsync<UnavailableException>(() => Provider.CreateRefundAsync(
            "pi_1", Money.Of(2000, "EUR"), "refund-1", new Dictionary<string, string> { ["refund_id"] = "refund-1" }, CancellationToken.None));

        failure.Message.ShouldContain("500");
        _stripe.Requests.Count.ShouldBe(4);
        _stripe.Requests.ShouldAllBe(r => r.Path == "/v1/refunds" && r.IdempotencyKey == "refund-1"
            && r.Form["amount"] == "2000" && r.Form["payment_intent"] == "pi_1" && r.Form["metadata[refund_id]"] == "refund-1");
    }

    [Fact]
    public async Task An_answer_lost_on_the_way_is_asked_for_again_under_the_same_key_so_nothing_is_charged_twice()
    {
        // Stripe took the first attempt (it keeps the answer under the key) but the answer was lost: a 502 from a proxy.
        _stripe.Answer((502, "<html>Bad gateway</html>"), (200, PaymentIntentJson("pi_once", "requires_payment_method")));

        var payment = await Provider.CreatePaymentAsync(Request("intent-lost"), CancellationToken.None);

        payment.ProviderPaymentId.ShouldBe("pi_once");
        _stripe.Requests.Select(r => r.IdempotencyKey).Distinct().ShouldBe(["intent-lost"]);
    }

    [Fact]
    public async Task A_refusal_is_final_and_named_while_a_wrong_api_key_is_an_outage_to_fix()
    {
        _stripe.Answer((400, """{"error":{"type":"invalid_request_error","code":"charge_already_refunded","message":"Charge ch_1 has already been refunded."}}"""));
        var refused = await Should.ThrowAsync<ProviderRejectedException>(() => Provider.CreateRefundAsync(
            "pi_1", Money.Of(100, "EUR"), "refund-2", new Dictionary<string, string>(), CancellationToken.None));
        refused.Code.ShouldBe("charge_already_refunded");
        _stripe.Requests.Count.ShouldBe(1);

        _stripe.Answer((401, """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided."}}"""));
        await Should.ThrowAsync<UnavailableException>(() => Provider.GetPaymentAsync("pi_1", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _stripe.DisposeAsync();
    }

    private static ProviderPaymentRequest Request(string reference) => new(
        reference, Money.Of(5000, "EUR"), "Registration: DevConf", "ada@example.org",
        new Dictionary<string, string> { ["payment_intent_id"] = reference, ["registration_id"] = "01a2-registration" });

    private static string PaymentIntentJson(string id, string status, string? charge = null, string? lastError = null) =>
        "{" + $"\"id\":\"{id}\",\"object\":\"payment_intent\",\"amount\":5000,\"currency\":\"eur\",\"status\":\"{status}\"," +
        $"\"client_secret\":\"{id}_secret_x\",\"metadata\":{{\"payment_intent_id\":\"01a2-intent\"}}," +
        $"\"latest_charge\":{charge ?? "null"},\"last_payment_error\":{lastError ?? "null"}" + "}";
}
