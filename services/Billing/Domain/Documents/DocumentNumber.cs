using EventPlatform.Domain;

namespace EventPlatform.Billing.Domain.Documents;

/// <summary>
/// A document's place in its series: one unbroken series per organizer, kind and calendar year (UTC), printed
/// ACME-2026-000123 for an invoice, ACME-R-2026-000123 for a receipt and ACME-CN-2026-000123 for a credit note.
/// </summary>
public sealed record DocumentNumber
{
    private DocumentNumber(string prefix, DocumentKind kind, int year, int sequence)
    {
        Prefix = prefix;
        Kind = kind;
        Year = year;
        Sequence = sequence;
    }

    public string Prefix { get; }

    public DocumentKind Kind { get; }

    public int Year { get; }

    public int Sequence { get; }

    public string Text => $"{Prefix}-{KindCode}{Year}-{Sequence:D6}";

    private string KindCode => Kind switch
    {
        DocumentKind.Receipt => "R-",
        DocumentKind.CreditNote => "CN-",
        _ => "",
    };

    public static DocumentNumber Of(string prefix, DocumentKind kind, int year, int sequence)
    {
        BusinessRule.Check(new SeriesMustHaveAPrefixRule(prefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new DocumentNumber(prefix, kind, year, sequence);
    }

    public override string ToString() => Text;
}

public sealed class SeriesMustHaveAPrefixRule(string prefix) : IBusinessRule
{
    public string Message => "The organizer has no invoice prefix: documents cannot be numbered.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(prefix);
}
