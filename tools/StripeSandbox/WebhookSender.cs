using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.StripeSandbox;

/// <summary>
/// Delivers events to the webhook endpoint as Stripe does: POST of the event JSON with a <c>Stripe-Signature</c> header
/// (Stripe.net's own signing), retried with growing delays until the endpoint answers 2xx. On demand (for tests) each
/// event is delivered several times, and events waiting together are delivered out of order.
/// </summary>
public sealed class WebhookSender(IOptions<SandboxOptions> options, IHttpClientFactory http, ILogger<WebhookSender> logger)
    : BackgroundService
{
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();

    public void Send(Event stripeEvent) => _events.Writer.TryWrite(stripeEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _events.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<Event>();
            while (_events.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (options.Value.ShuffleWebhooks)
            {
                Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch));
            }

            foreach (var stripeEvent in batch)
            {
                for (var copy = 0; copy < Math.Max(1, options.Value.WebhookCopies); copy++)
                {
                    _ = DeliverAsync(stripeEvent, stoppingToken);
                }
            }
        }
    }

    private async Task DeliverAsync(Event stripeEvent, CancellationToken stoppingToken)
    {
        if (options.Value.WebhookUrl is not { Length: > 0 } url)
        {
            return;
        }

        var payload = stripeEvent.ToJson();
        var delay = options.Value.RetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
                request.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, options.Value.WebhookSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
                using var response = await http.CreateClient("webhooks").SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                logger.LogWarning("Webhook {EventId} ({Type}) answered {Status}, attempt {Attempt}", stripeEvent.Id, stripeEvent.Type, (int)response.StatusCode, attempt);
            }
            // A timed-out attempt is retried like a refused one, as Stripe does; an escaped timeout would drop the event.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Webhook {EventId} ({Type}) not delivered, attempt {Attempt}: {Reason}", stripeEvent.Id, stripeEvent.Type, attempt, e.Message);
            }

            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
        }
    }
}
