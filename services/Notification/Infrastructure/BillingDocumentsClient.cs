using EventPlatform.Contracts.Billing.V1;
using EventPlatform.Domain;
using EventPlatform.Notification.Application.Ports;
using Grpc.Core;
using DomainKind = EventPlatform.Notification.Domain.Deliveries.DocumentKind;

namespace EventPlatform.Notification.Infrastructure;

/// <summary>Billing's internal API for the PDFs attached to emails.</summary>
internal sealed class BillingDocumentsClient(BillingInternalService.BillingInternalServiceClient billing) : IBillingDocuments
{
    public async Task<MailAttachment> PdfAsync(DomainKind kind, Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            var pdf = await billing.GetDocumentPdfAsync(
                new GetDocumentPdfRequest { Kind = (DocumentKind)(int)kind, Id = documentId.ToString() }, cancellationToken: cancellationToken);
            return new MailAttachment(pdf.FileName, "application/pdf", pdf.Content.ToByteArray());
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.NotFound)
        {
            // Not found: billing's transaction is committed before its event, so only a lagging replica answers this.
            throw new UnavailableException($"Billing cannot give document {documentId} now ({e.StatusCode}).", e);
        }
    }
}
