using EventPlatform.Notification.Domain.Deliveries;

namespace EventPlatform.Notification.Application.Ports;

/// <summary>Billing's PDFs, attached to emails.</summary>
public interface IBillingDocuments
{
    Task<MailAttachment> PdfAsync(DocumentKind kind, Guid documentId, CancellationToken cancellationToken);
}
