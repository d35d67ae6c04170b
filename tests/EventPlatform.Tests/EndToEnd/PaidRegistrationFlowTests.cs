using System.Diagnostics;
using System.Text.Json.Nodes;
using EventPlatform.Testing.Telemetry;
using EventPlatform.Tests.Notification;
using EventPlatform.Tests.Payment;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// Flow A of ARCHITECTURE §5 as an attendee's checkout drives it through the BFF: register, pay, and the rest follows
/// from the events, all within the checkout's trace.
/// </summary>
[Collection(PaymentSystemCollection.Name)]
public sealed class PaidRegistrationFlowTests(PaymentSystemFixture system)
{
    private static readonly string[] EveryService = ["bff", "registration", "catalog", "payment", "billing", "notification", "analytics"];

    private readonly PaymentDriver _driver = new(system);
    private readonly MailSink _mail = new(system.App.GetEndpoint("mail", "http"));

    [Fact]
    public async Task A_paid_registration_ends_with_one_invoice_one_receipt_one_email_with_the_pdf_and_statistics_in_one_trace()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var attendee = _driver.NewAttendee();
        var email = $"flow-a-{Guid.NewGuid():N}@example.org";
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        _driver.TraceId = traceId;

        var registration = await _driver.RegisterAsync(attendee, e.Id, email);
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));
        await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_visa");
        await _driver.RegistrationWhenAsync(attendee, Id(registration), "REGISTRATION_STATUS_CONFIRMED");
        var invoices = await _driver.WhenAsync(
            attendee, $"/invoices?registrationId={Id(registration)}", r => r["invoices"]?.AsArray().Count == 1, "the invoice");
        var receipts = await _driver.WhenAsync(
            attendee, $"/receipts?registrationId={Id(registration)}", r => r["receipts"]?.AsArray().Count == 1, "the receipt");
        var confirmation = await _mail.ExactlyAsync(email, 1, m => m.Subject.StartsWith("You're registered", StringComparison.Ordinal));
        var figures = await _driver.WhenAsync(
            organizerToken, $"/analytics/events/{e.Id}",
            f => (int?)f["confirmedCount"] == 1 && (long?)f["invoicedAmount"]?["amountMinor"] == Price, "the statistics");
        var spans = await system.App.Spans.WaitForTraceAsync(traceId, s => HasEveryService(s) && !Orphans(s).Any(), TimeSpan.FromSeconds(60));

        var invoice = invoices["invoices"]![0]!;
        ((long?)invoice["grossTotal"]!["amountMinor"], (long?)receipts["receipts"]![0]!["amountPaid"]!["amountMinor"]).ShouldBe((Price, Price));
        confirmation.ShouldHaveSingleItem().Attachments.ShouldBe([$"{invoice["number"]}.pdf"]);
        ((int?)figures["paymentsSucceededCount"], (long?)figures["grossRevenue"]!["amountMinor"]).ShouldBe((1, Price));
        HasEveryService(spans).ShouldBeTrue($"trace {traceId}:\n{Describe(spans)}");
        Orphans(spans).ShouldBeEmpty($"spans whose parent is not in trace {traceId}:\n{Describe(spans)}");
    }

    private static bool HasEveryService(IReadOnlyList<ReceivedSpan> spans) =>
        EveryService.All(service => spans.Any(s => s.ServiceName == service));

    /// <summary>Spans whose parent is not in the trace; the BFF's requests have the test's calls, which send no spans, as parents.</summary>
    private static IEnumerable<ReceivedSpan> Orphans(IReadOnlyList<ReceivedSpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        return spans.Where(s => s.ParentSpanId.Length > 0 && !ids.Contains(s.ParentSpanId) && !(s.ServiceName == "bff" && s.Kind == "Server"));
    }
}
