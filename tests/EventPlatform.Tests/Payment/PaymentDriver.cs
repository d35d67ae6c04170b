using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Testing.Telemetry;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Messaging;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.Payment;

/// <summary>Organizers and attendees as the web front drives them: JSON through the BFF, each person with a token.</summary>
internal sealed class PaymentDriver(PaymentSystemFixture system)
{
    public const long Price = 4900;

    public CatalogDriver Catalog { get; } = new(system.App, system.GrpcChannel("catalog"));

    /// <summary>When set, every call is part of this trace, as a web front's checkout would be.</summary>
    public string? TraceId { get; set; }

    /// <summary>A published paid event (49.00 EUR) and its organizer's token.</summary>
    public async Task<(string OrganizerToken, Event Event)> PaidEventAsync(
        int capacity, RefundPolicy refundPolicy = RefundPolicy.FullUntilDeadline, bool waitlist = true,
        DateTimeOffset? refundDeadline = null, int lateRefundPercent = 0, int vatRateBasisPoints = 0)
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var request = NewEventRequest(organizer.Id, "Paid Days", capacity: capacity);
        request.Price = new Contracts.Common.V1.Money { AmountMinor = Price, Currency = "EUR" };
        request.WaitlistEnabled = waitlist;
        request.RefundPolicy = refundPolicy;
        request.LateRefundPercent = lateRefundPercent;
        request.VatRateBasisPoints = vatRateBasisPoints;
        if (refundPolicy != RefundPolicy.None)
        {
            request.RefundDeadline = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(refundDeadline ?? NextYear.AddDays(-7));
        }

        var draft = await Catalog.Client.CreateEventAsync(request, Bearer(token));
        var published = await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, Bearer(token));
        return (token, published);
    }

    public string NewAttendee() => Catalog.TokenFor($"attendee-{Guid.NewGuid():N}", CallerRole.Attendee);

    /// <summary>Registers; each attendee gets an address of their own, so their emails can be told apart in the mail sink.</summary>
    public Task<JsonNode> RegisterAsync(string token, string eventId, string? email = null, string locale = "en-GB") =>
        PostAsync(token, "/registrations", new
        {
            requestId = Guid.NewGuid().ToString(), eventId, name = "Ada Lovelace", email = email ?? $"ada-{Guid.NewGuid():N}@example.org", locale,
        });

    public Task<JsonNode> CreateIntentAsync(string token, string registrationId) =>
        PostAsync(token, "/payments/intents", new { requestId = Guid.NewGuid().ToString(), registrationId, returnUrl = "https://front.example.org/paid" });

    public Task<JsonNode> ConfirmAsync(string token, string intentId, string paymentMethod) =>
        PostAsync(token, $"/payments/intents/{intentId}/confirm", new { requestId = Guid.NewGuid().ToString(), paymentMethod });

    /// <summary>
    /// Pays as the attendee's browser does on the provider's page, past our services: it works while any of them is
    /// down, and only the provider's webhooks tell payment.
    /// </summary>
    public async Task PayAtProviderAsync(JsonNode intent, string paymentMethod = "pm_card_visa")
    {
        var apiKey = (await File.ReadAllTextAsync(Path.Combine(system.App.DataDirectory, "stripe", "api-key"))).Trim();
        var provider = new Stripe.StripeClient(apiKey, apiBase: system.App.GetEndpoint("stripe-sandbox").ToString().TrimEnd('/'));
        await new Stripe.PaymentIntentService(provider).ConfirmAsync(
            (string)intent["providerPaymentId"]!, new Stripe.PaymentIntentConfirmOptions { PaymentMethod = paymentMethod });
    }

    /// <summary>Registers and pays with a card that succeeds; returns once the registration is Confirmed.</summary>
    public async Task<(string Token, JsonNode Registration)> PaidRegistrationAsync(string eventId)
    {
        var token = NewAttendee();
        var registration = await RegisterAsync(token, eventId);
        var intent = await CreateIntentAsync(token, Id(registration));
        await ConfirmAsync(token, Id(intent), "pm_card_visa");
        return (token, await RegistrationWhenAsync(token, Id(registration), "REGISTRATION_STATUS_CONFIRMED"));
    }

    public Task<JsonNode> RegistrationWhenAsync(string token, string id, string status, TimeSpan? patience = null) =>
        WhenAsync(token, $"/registrations/{id}", r => (string?)r["status"] == status, $"registration {id} to be {status}", patience);

    public async Task<JsonNode> WhenAsync(string token, string path, Func<JsonNode, bool> condition, string what, TimeSpan? patience = null) =>
        await Eventually.ReturnsAsync(() => GetAsync(token, path), condition, what, patience);

    public Task<JsonNode> GetAsync(string? token, string path) =>
        SendAsync(token, new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.OK);

    public Task<JsonNode> PostAsync(string? token, string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(token, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, expected);

    public static string Id(JsonNode node) => (string)node["id"]!;

    /// <summary>
    /// Every call carries a traceparent: the driver's trace when one is set, a trace of its own otherwise, so that an
    /// unexpected answer comes with the spans of what the services did (and how long each step took).
    /// </summary>
    private async Task<JsonNode> SendAsync(string? token, HttpRequestMessage request, HttpStatusCode expected)
    {
        var traceId = TraceId ?? ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var bff = Catalog.BffAs(token);
        using (request)
        using (var response = await bff.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
            }

            // Exporters batch: give the services' spans a moment to arrive before describing the trace.
            var spans = await system.App.Spans.WaitForTraceAsync(traceId, _ => false, TimeSpan.FromSeconds(6));
            throw new ShouldAssertException(
                $"{request.Method} {request.RequestUri} answered {response.StatusCode}, not {expected}: {text}\ntrace {traceId}:\n{Describe(spans)}");
        }
    }

    /// <summary>The spans of a trace, one line each, indented under their parent.</summary>
    public static string Describe(IReadOnlyList<ReceivedSpan> spans) =>
        string.Join('\n', spans.Select(s =>
            $"{s.Start:HH:mm:ss.fff} {(s.End - s.Start).TotalMilliseconds,8:N1} ms {s.ServiceName}/{s.Kind} {s.Name} {s.Status}"));
}
