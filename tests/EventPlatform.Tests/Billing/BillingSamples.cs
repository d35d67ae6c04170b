using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;

namespace EventPlatform.Tests.Billing;

/// <summary>Real documents' terms: a French association selling a 150.00 € (VAT 20 % included) registration.</summary>
internal static class BillingSamples
{
    public static readonly Party Seller = new(
        "Lyon .NET Association", new Address("1 Place Bellecour", "", "69002", "Lyon", "", "FR"), "FR40123456789", "contact@lyon-dotnet.example.org");

    public static readonly Party Company = new(
        "Acme Formation SARL", new Address("12 rue de la République", "Bât. B", "69001", "Lyon", "", "FR"), "FR98765432101", "compta@acme.example.org");

    public static readonly Party Person = new("Zoé Durand", new Address("", "", "", "", "", ""), "", "zoe@example.org");

    public static InvoiceTerms Terms(
        string organizerId = "org-1", Guid? paymentIntentId = null, int vatRate = 2000, long gross = 15000, Party? buyer = null,
        DocumentLanguage language = DocumentLanguage.Fr, IReadOnlyList<DocumentLine>? lines = null)
    {
        var paymentId = paymentIntentId ?? Guid.NewGuid();
        return new InvoiceTerms(
            organizerId, "alice", Guid.NewGuid(), paymentId, paymentId, "attendee-zoe", Seller, buyer ?? Person,
            lines ?? [DocumentLine.FromGross(language == DocumentLanguage.Fr ? "Inscription — DotNet Days Lyon" : "Registration — DotNet Days Lyon", 1, gross, vatRate)],
            "EUR", language, new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero), "Visa •••• 4242");
    }
}
