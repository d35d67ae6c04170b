namespace EventPlatform.Billing.Domain.Documents;

/// <summary>The language a document is written in: the attendee's, French or English.</summary>
public enum DocumentLanguage
{
    En,
    Fr,
}

public static class DocumentLanguages
{
    /// <summary>French for a French locale ("fr", "fr-FR", "fr-BE"…), English otherwise.</summary>
    public static DocumentLanguage FromLocale(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? DocumentLanguage.Fr : DocumentLanguage.En;
}
