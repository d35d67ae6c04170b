namespace EventPlatform.Billing.Domain.Documents;

/// <summary>Each kind has its own numbering series.</summary>
public enum DocumentKind
{
    Invoice = 1,
    Receipt = 2,
    CreditNote = 3,
}
