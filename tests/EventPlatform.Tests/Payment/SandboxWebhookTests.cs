using System.Collections.Concurrent;
using System.Text.Json;
using EventPlatform.StripeSandbox;
using EventPlatform.Tests.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventPlatform.Tests.Payment;

/// <summary>The Stripe sandbox's webhook delivery, against an endpoint of the test's own.</summary>
public sealed class SandboxWebhookTests : IAsyncLifetime
{
    private const string ApiKey = "sk_test_sandbox_webhooks";
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, string> _answered = new();
    private WebApplication _endpoint = null!;
    private WebApplication _sandbox = null!;

    public async Task InitializeAsync()
    {
        _endpoint = WebApplication.CreateBuilder([$"--contentRoot={PaymentInfrastructure.EmptyContentRoot}"]).Build();
        _endpoint.Urls.Add("http://127.0.0.1:0");
        // The first attempt of every event outlasts the sandbox's timeout, as an endpoint starting up on a busy machine can.
        _endpoint.MapPost("/webhooks", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var id = body.RootElement.GetProperty("id").GetString()!;
            if (_attempts.AddOrUpdate(id, 1, (_, n) => n + 1) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), request.HttpContext.RequestAborted);
            }

            _answered[id] = body.RootElement.GetProperty("type").GetString()!;
            return Results.Ok();
        });
        await _endpoint.StartAsync();

        _sandbox = SandboxApp.Create([$"--contentRoot={PaymentInfrastructure.EmptyContentRoot}"], new Dictionary<string, string?>
        {
            ["Sandbox:ApiKey"] = ApiKey,
            ["Sandbox:WebhookSecret"] = "whsec_sandbox_webhooks",
            ["Sandbox:WebhookUrl"] = _endpoint.Urls.First() + "/webhooks",
            ["Sandbox:WebhookTimeout"] = "00:00:00.500",
            ["Sandbox:RetryDelay"] = "00:00:00.100",
            ["Sandbox:MaxRetryDelay"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Error",
        });
        _sandbox.Urls.Add("http://127.0.0.1:0");
        await _sandbox.StartAsync();
    }

    [Fact]
    public async Task A_delivery_that_times_out_is_tried_again_until_the_endpoint_answers()
    {
        var stripe = new Stripe.StripeClient(ApiKey, apiBase: _sandbox.Urls.First());
        var payments = new Stripe.PaymentIntentService(stripe);
        var payment = await payments.CreateAsync(new Stripe.PaymentIntentCreateOptions { Amount = 4900, Currency = "eur" });
        await payments.ConfirmAsync(payment.Id, new Stripe.PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" });

        await Eventually.HoldsAsync(
            () => Task.FromResult(_answered.Values.Contains("payment_intent.succeeded") && _answered.Count == _attempts.Count),
            "every event, the payment's success among them, to be answered");

        _attempts.Values.ShouldAllBe(attempts => attempts >= 2);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _endpoint.DisposeAsync();
    }
}
