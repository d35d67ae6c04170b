using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Application.Webhooks;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Payment.Http;

/// <summary>
/// POST /payments/webhooks/stripe on the service's HTTP endpoint (the BFF forwards it untouched). No caller token: the
/// signature is the authentication. A bad, missing or stale one is 400 and changes nothing; a valid event is recorded
/// under its id and answered at once, and acted on in the background.
/// </summary>
public static class ProviderWebhookEndpoint
{
    public const string Path = "/payments/webhooks/stripe";

    /// <summary>Stripe's events are a few kilobytes; anything far larger is not one.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapProviderWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IProviderWebhooks webhooks, IPaymentProvider provider, ProviderEvents events, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (webhooks.Verify(body, request.Headers["Stripe-Signature"].ToString(), out var refusal) is not { } notification)
        {
            loggers.CreateLogger(typeof(ProviderWebhookEndpoint)).LogWarning("Webhook refused: {Reason}", refusal);
            return Results.Problem(refusal, statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook signature");
        }

        if (ProviderEvents.IsActedOn(notification.Type) && notification.ObjectId.Length > 0)
        {
            await events.ReceiveAsync(provider.Name, notification, cancellationToken);
        }

        return Results.Ok(new { received = true });
    }
}
