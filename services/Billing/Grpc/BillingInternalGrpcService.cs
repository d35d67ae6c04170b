using EventPlatform.Billing.Application;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Domain;
using Google.Protobuf;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Billing.V1;

namespace EventPlatform.Billing.Grpc;

/// <summary>For other services (notification attaches PDFs): no caller-ownership check.</summary>
public sealed class BillingInternalGrpcService(BillingQueries queries) : Proto.BillingInternalService.BillingInternalServiceBase
{
    public override async Task<Proto.Invoice> GetInvoiceForRegistration(Proto.GetInvoiceForRegistrationRequest request, ServerCallContext context) =>
        (await queries.InvoiceOfRegistrationAsync(BillingMapping.Id(request.RegistrationId, "a registration id", "registration_id"), context.CancellationToken))
        .ToContract();

    public override async Task<Proto.DocumentPdf> GetDocumentPdf(Proto.GetDocumentPdfRequest request, ServerCallContext context)
    {
        var kind = request.Kind switch
        {
            Proto.DocumentKind.Invoice => DocumentKind.Invoice,
            Proto.DocumentKind.Receipt => DocumentKind.Receipt,
            Proto.DocumentKind.CreditNote => DocumentKind.CreditNote,
            _ => throw new InvalidInputException([new FieldViolation("kind", "DOCUMENT_KIND_INVOICE, _RECEIPT or _CREDIT_NOTE.")]),
        };
        var file = await queries.PdfAsync(kind, BillingMapping.Id(request.Id, "a document id"), caller: null, context.CancellationToken);
        return new Proto.DocumentPdf { Kind = request.Kind, Id = request.Id, FileName = file.FileName, Content = ByteString.CopyFrom(file.Content) };
    }
}
