namespace EventPlatform.Billing.Domain.Documents;

/// <summary>
/// The mentions French law (CGI art. 242 nonies A, Code de commerce L441-9) requires on a document beyond its
/// figures, written once when the document is issued in its language.
/// </summary>
public static class LegalMentions
{
    public static IReadOnlyList<string> ForInvoice(
        DocumentLanguage language, IReadOnlyCollection<DocumentLine> lines, Party buyer, DateTimeOffset? paidOn, string paymentMethod)
    {
        var fr = language == DocumentLanguage.Fr;
        var mentions = new List<string>();
        if (lines.Any(l => l.VatRateBasisPoints == 0))
        {
            mentions.Add(fr ? "TVA non applicable, art. 293 B du CGI." : "VAT not applicable, art. 293 B of the French General Tax Code.");
        }

        if (paidOn is { } paid)
        {
            var date = fr
                ? paid.UtcDateTime.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : paid.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
            mentions.Add(fr ? $"Facture acquittée le {date} par {paymentMethod}. Aucun escompte pour paiement anticipé."
                : $"Invoice paid on {date} by {paymentMethod}. No discount for early payment.");
        }

        if (buyer.IsBusiness)
        {
            mentions.Add(fr
                ? "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal et indemnité forfaitaire pour frais de recouvrement de 40 €."
                : "Late payment: penalties at three times the French legal interest rate and a fixed recovery fee of EUR 40.");
        }

        return mentions;
    }

    public static IReadOnlyList<string> ForCreditNote(DocumentLanguage language, string invoiceNumber, IReadOnlyCollection<DocumentLine> lines)
    {
        var fr = language == DocumentLanguage.Fr;
        var mentions = new List<string>
        {
            fr ? $"Avoir sur la facture n° {invoiceNumber}." : $"Credit note against invoice No. {invoiceNumber}.",
        };
        if (lines.Any(l => l.VatRateBasisPoints == 0))
        {
            mentions.Add(fr ? "TVA non applicable, art. 293 B du CGI." : "VAT not applicable, art. 293 B of the French General Tax Code.");
        }

        return mentions;
    }
}
