using Microsoft.Extensions.Logging;

namespace EventPlatform.Bff.Payments;

/// <summary>
/// What payment needs of the edge besides its JSON API: the provider's webhooks passed through untouched (the raw
/// body and its signature are what payment verifies) and the checkout link, which opens the web front's checkout page.
/// </summary>
internal static class PaymentPages
{
    public const string WebhookPath = "/payments/webhooks/stripe";

    /// <summary>Named client for payment's HTTP endpoint (service discovery: services__payment__http__0).</summary>
    public const string PaymentHttp = "payment-http";

    public static IServiceCollection AddPaymentPages(this IServiceCollection services)
    {
        services.AddHttpClient(PaymentHttp, http => http.BaseAddress = new Uri("http://_http.payment"));
        return services;
    }

    public static WebApplication MapPaymentPages(this WebApplication app)
    {
        app.MapPost(WebhookPath, ForwardWebhookAsync).DisableAntiforgery().ExcludeFromDescription();
        // The link payment hands out (and emails) opens the web front's checkout.
        app.MapGet("/checkout/{id:guid}", (Guid id) => Results.Redirect($"/#/checkout/{id}")).ExcludeFromDescription();
        return app;
    }

    /// <summary>The body as bytes and the Stripe-Signature header as received; payment's answer (200, 400) goes back as it is.</summary>
    private static async Task<IResult> ForwardWebhookAsync(HttpRequest request, IHttpClientFactory clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        using var forward = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new ByteArrayContent(body.ToArray()) };
        forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (request.Headers.TryGetValue("Stripe-Signature", out var signature))
        {
            forward.Headers.TryAddWithoutValidation("Stripe-Signature", signature.ToString());
        }

        try
        {
            using var response = await clients.CreateClient(PaymentHttp).SendAsync(forward, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return Results.Content(answer, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            // The provider retries a webhook that did not get a 2xx: nothing is lost while payment is down.
            loggers.CreateLogger(typeof(PaymentPages)).LogWarning("Webhook not forwarded, payment unreachable: {Reason}", e.Message);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
