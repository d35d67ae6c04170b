using System.Security.Cryptography;

namespace EventPlatform.Billing.Domain.Documents;

/// <summary>
/// A document's PDF, rendered once when it is issued and stored with its SHA-256: the same bytes are served forever,
/// and anyone can check that they are.
/// </summary>
public sealed class DocumentFile
{
    private DocumentFile()
    {
    }

    public Guid DocumentId { get; private set; }

    public DocumentKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    /// <summary>Lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset CreateTime { get; private set; }

    public static DocumentFile Of(DocumentKind kind, Guid documentId, string number, byte[] content, DateTimeOffset now) => new()
    {
        DocumentId = documentId,
        Kind = kind,
        FileName = $"{number}.pdf",
        Content = content,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        CreateTime = now,
    };
}
