using System.Net;
using System.Text.Json.Nodes;
using EventPlatform.Tests.Payment;
using UglyToad.PdfPig;
using static EventPlatform.Tests.Payment.PaymentDriver;

namespace EventPlatform.Tests.Billing;

/// <summary>Invoices, receipts and credit notes as attendees and organizers get them through the BFF, after paying in the sandbox.</summary>
[Collection(PaymentSystemCollection.Name)]
public sealed class BillingFlowTests(PaymentSystemFixture system)
{
    private readonly PaymentDriver _driver = new(system);

    [Fact]
    public async Task A_paid_registration_yields_an_invoice_and_a_receipt_the_attendee_downloads_and_nobody_else_sees()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var (attendee, registration) = await _driver.PaidRegistrationAsync(e.Id);

        var invoices = await _driver.WhenAsync(
            attendee, $"/invoices?registrationId={Id(registration)}", r => r["invoices"]?.AsArray().Count == 1, "the invoice");
        var invoice = invoices["invoices"]!.AsArray().Single()!;
        var receipts = await _driver.WhenAsync(attendee, "/receipts", r => r["receipts"]?.AsArray().Count == 1, "the receipt");
        var receipt = receipts["receipts"]!.AsArray().Single()!;
        var invoicePdf = await PdfAsync(attendee, $"/invoices/{Id(invoice)}/pdf");
        var receiptPdf = await PdfAsync(attendee, $"/receipts/{Id(receipt)}/pdf");

        var prefix = (await _driver.Catalog.Client.GetOrganizerAsync(
            new Contracts.Catalog.V1.GetOrganizerRequest { Id = e.OrganizerId }, EventPlatform.Tests.Catalog.CatalogDriver.Bearer(organizerToken))).InvoicePrefix;
        ((string?)invoice["number"]).ShouldBe($"{prefix}-{DateTime.UtcNow.Year}-000001");
        ((long?)invoice["grossTotal"]!["amountMinor"], (string?)invoice["buyer"]!["legalName"], (string?)invoice["seller"]!["legalName"])
            .ShouldBe((Price, "Ada Lovelace", "Lyon .NET Association"));
        ((string?)receipt["number"], (string?)receipt["invoiceNumber"], (string?)receipt["paymentMethod"])
            .ShouldBe(($"{prefix}-R-{DateTime.UtcNow.Year}-000001", (string?)invoice["number"], "Visa •••• 4242"));
        TextOf(invoicePdf).ShouldContain((string)invoice["number"]!);
        TextOf(invoicePdf).ShouldContain("49.00 €");
        TextOf(receiptPdf).ShouldContain((string)receipt["number"]!);
        using var stranger = _driver.Catalog.BffAs(_driver.NewAttendee());
        (await stranger.GetAsync($"/invoices/{Id(invoice)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/invoices/{Id(invoice)}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seenByOrganizer = await _driver.GetAsync(organizerToken, $"/invoices?organizerId={e.OrganizerId}");
        seenByOrganizer["invoices"]!.AsArray().Select(i => (string?)i!["id"]).ShouldBe([Id(invoice)]);
    }

    [Fact]
    public async Task A_cancellation_with_refund_yields_a_credit_note_and_leaves_the_invoice_pdf_unchanged_and_the_organizer_exports_all()
    {
        var (organizerToken, e) = await _driver.PaidEventAsync(capacity: 5);
        var (attendee, registration) = await _driver.PaidRegistrationAsync(e.Id);
        var invoice = (await _driver.WhenAsync(
            attendee, $"/invoices?registrationId={Id(registration)}", r => r["invoices"]?.AsArray().Count == 1, "the invoice"))["invoices"]![0]!;
        var pdfBefore = await PdfAsync(attendee, $"/invoices/{Id(invoice)}/pdf");

        await _driver.PostAsync(attendee, $"/registrations/{Id(registration)}/cancel", new { reason = "Cannot come" });
        var creditNotes = await _driver.WhenAsync(
            attendee, $"/credit-notes?registrationId={Id(registration)}", r => r["creditNotes"]?.AsArray().Count == 1, "the credit note");
        var creditNote = creditNotes["creditNotes"]!.AsArray().Single()!;
        var creditNotePdf = await PdfAsync(attendee, $"/credit-notes/{Id(creditNote)}/pdf");
        var pdfAfter = await PdfAsync(attendee, $"/invoices/{Id(invoice)}/pdf");
        var from = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        using var organizer = _driver.Catalog.BffAs(organizerToken);
        using var export = await organizer.GetAsync($"/organizers/{e.OrganizerId}/documents.csv?fromTime={from}&toTime={to}");
        var csv = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var notTheirs = await _driver.Catalog.BffAs(attendee).GetAsync($"/organizers/{e.OrganizerId}/documents.csv?fromTime={from}&toTime={to}");
        using var noPeriod = await organizer.GetAsync($"/organizers/{e.OrganizerId}/documents.csv");

        ((string?)creditNote["invoiceNumber"], (long?)creditNote["grossTotal"]!["amountMinor"], (string?)creditNote["reason"])
            .ShouldBe(((string?)invoice["number"], Price, "CREDIT_NOTE_REASON_REFUND"));
        TextOf(creditNotePdf).ShouldContain("-49.00 €");
        TextOf(creditNotePdf).ShouldContain("Registration cancelled by the attendee");
        pdfAfter.ShouldBe(pdfBefore);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv[0].ShouldStartWith("kind,number,issue_date,invoice_number");
        csv.Skip(1).Select(line => line.Split(',')[0]).Order().ShouldBe(["credit_note", "invoice", "receipt"]);
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        noPeriod.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_company_buying_for_a_french_attendee_gets_a_french_invoice_made_out_to_it_with_the_vat()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 5, vatRateBasisPoints: 2000);
        var attendee = _driver.NewAttendee();
        var registration = await _driver.PostAsync(attendee, "/registrations", new
        {
            requestId = Guid.NewGuid().ToString(), eventId = e.Id, name = "Zoé Durand", email = "zoe@example.org", locale = "fr-FR",
            billingDetails = new
            {
                legalName = "Acme Formation SARL", vatNumber = "FR98765432101", email = "compta@acme.example.org",
                address = new { line1 = "12 rue de la République", postalCode = "69001", city = "Lyon", countryCode = "FR" },
            },
        });
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));
        await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_mastercard");

        var invoice = (await _driver.WhenAsync(
            attendee, $"/invoices?registrationId={Id(registration)}", r => r["invoices"]?.AsArray().Count == 1, "the invoice"))["invoices"]![0]!;
        var text = TextOf(await PdfAsync(attendee, $"/invoices/{Id(invoice)}/pdf"));

        ((string?)invoice["buyer"]!["legalName"], (string?)invoice["buyer"]!["email"]).ShouldBe(("Acme Formation SARL", "compta@acme.example.org"));
        ((long?)invoice["netTotal"]!["amountMinor"], (long?)invoice["vatTotal"]!["amountMinor"], (long?)invoice["grossTotal"]!["amountMinor"])
            .ShouldBe((4083, 817, Price));
        text.ShouldContain("FACTURE");
        text.ShouldContain("Acme Formation SARL");
        text.ShouldContain("TVA 20 %");
        text.ShouldContain("49,00 €");
        text.ShouldContain("indemnité forfaitaire");
    }

    private async Task<byte[]> PdfAsync(string token, string path)
    {
        using var bff = _driver.Catalog.BffAs(token);
        using var response = await bff.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
