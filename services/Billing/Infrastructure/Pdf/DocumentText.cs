using System.Globalization;
using EventPlatform.Billing.Domain.Documents;

namespace EventPlatform.Billing.Infrastructure.Pdf;

/// <summary>The words printed on documents, in French and English, and how amounts and dates are written in each.</summary>
internal sealed class DocumentText(DocumentLanguage language)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private bool Fr => language == DocumentLanguage.Fr;

    private CultureInfo Culture => Fr ? French : English;

    public string Invoice => Fr ? "FACTURE" : "INVOICE";

    public string Receipt => Fr ? "REÇU" : "RECEIPT";

    public string CreditNote => Fr ? "AVOIR" : "CREDIT NOTE";

    public string Number => Fr ? "N°" : "No.";

    public string IssueDate => Fr ? "Date d'émission" : "Issue date";

    public string Seller => Fr ? "Vendeur" : "Seller";

    public string Buyer => Fr ? "Client" : "Bill to";

    public string VatNumber => Fr ? "N° TVA" : "VAT No.";

    public string Description => Fr ? "Désignation" : "Description";

    public string Quantity => Fr ? "Qté" : "Qty";

    public string UnitNet => Fr ? "PU HT" : "Unit excl. VAT";

    public string VatRate => Fr ? "TVA" : "VAT";

    public string Net => Fr ? "Total HT" : "Total excl. VAT";

    public string Gross => Fr ? "Total TTC" : "Total incl. VAT";

    public string VatOf(int basisPoints) => Fr ? $"TVA {Percent(basisPoints)}" : $"VAT {Percent(basisPoints)}";

    public string PaymentReference => Fr ? "Référence du paiement" : "Payment reference";

    public string Registration => Fr ? "Inscription" : "Registration";

    public string AgainstInvoice => Fr ? "Facture d'origine" : "Original invoice";

    public string Reason => Fr ? "Motif" : "Reason";

    public string Replaces => Fr ? "Remplace la facture" : "Replaces invoice";

    public string AmountPaid => Fr ? "Montant reçu" : "Amount received";

    public string PaidOn => Fr ? "Payé le" : "Paid on";

    public string PaidBy => Fr ? "Moyen de paiement" : "Payment method";

    public string ForInvoice => Fr ? "Pour la facture" : "For invoice";

    public string Credited => Fr ? "Total crédité TTC" : "Total credited incl. VAT";

    public string Amount(long minor, string currency) =>
        (minor < 0 ? "-" : "") + (Math.Abs(minor) / 100m).ToString("N2", Culture) + " " + (currency == "EUR" ? "€" : currency);

    public string Date(DateTimeOffset time) => time.UtcDateTime.ToString(Fr ? "dd/MM/yyyy" : "d MMMM yyyy", Culture);

    public string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", Culture) + " %";
}
