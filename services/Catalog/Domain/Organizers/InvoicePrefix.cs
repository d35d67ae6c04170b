using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Organizers;

/// <summary>The start of an organizer's invoice numbers (ACME in ACME-2026-000001): fixed once invoices exist.</summary>
public sealed record InvoicePrefix
{
    private InvoicePrefix(string value) => Value = value;

    public string Value { get; }

    public static InvoicePrefix Create(string? value)
    {
        var prefix = value?.Trim().ToUpperInvariant() ?? "";
        BusinessRule.Check(new InvoicePrefixMustBeShortAndPlainRule(prefix));
        return new InvoicePrefix(prefix);
    }

    public override string ToString() => Value;
}

public sealed class InvoicePrefixMustBeShortAndPlainRule(string prefix) : IFieldRule
{
    public string Field => "InvoicePrefix";

    public string Message => "An invoice prefix is 2 to 10 capital letters or digits (e.g. ACME).";

    public bool IsBroken() => prefix.Length is < 2 or > 10 || !prefix.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
