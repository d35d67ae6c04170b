using System.Text;
using EventPlatform.Billing.Application;
using EventPlatform.Billing.Application.Issuing;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Domain;
using EventPlatform.Domain.Validation;
using EventPlatform.ServiceDefaults.Grpc;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Billing.V1;

namespace EventPlatform.Billing.Grpc;

public sealed class BillingGrpcService(BillingQueries queries, DocumentIssuing issuing) : Proto.BillingService.BillingServiceBase
{
    private static readonly TimeSpan LongestExport = TimeSpan.FromDays(366);

    public override async Task<Proto.ListInvoicesResponse> ListInvoices(Proto.ListInvoicesRequest request, ServerCallContext context)
    {
        var filter = BillingMapping.Filter(
            request.OrganizerId, request.EventId, request.RegistrationId, null, request.IssuedAfterTime, request.IssuedBeforeTime, request.PageSize,
            request.PageToken);
        var page = await queries.InvoicesAsync(filter, context.Caller(), context.CancellationToken);
        return new Proto.ListInvoicesResponse { Invoices = { page.Items.Select(i => i.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Proto.Invoice> GetInvoice(Proto.GetInvoiceRequest request, ServerCallContext context) =>
        (await queries.InvoiceAsync(BillingMapping.Id(request.Id, "an invoice id"), context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<HttpBody> GetInvoicePdf(Proto.GetInvoicePdfRequest request, ServerCallContext context) =>
        BillingMapping.Pdf(
            await queries.PdfAsync(DocumentKind.Invoice, BillingMapping.Id(request.Id, "an invoice id"), context.Caller(), context.CancellationToken), context);

    /// <summary>The organizer reissues an invoice to another buyer: a credit note cancels it, a new invoice replaces it.</summary>
    public override async Task<Proto.CorrectInvoiceResponse> CorrectInvoice(Proto.CorrectInvoiceRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var id = input.Capture(() => (Guid?)BillingMapping.Id(request.Id, "an invoice id"));
        if (request.Buyer is not { LegalName.Length: > 0 and <= 200 })
        {
            input.Add("buyer.legal_name", "The buyer's legal name, at most 200 characters.");
        }

        if (request.Buyer?.Email is { Length: > 0 } email && !EmailAddress.IsValid(email))
        {
            input.Add("buyer.email", "An email address such as accounts@example.org.");
        }

        if (request.Note.Length > 500)
        {
            input.Add("note", "At most 500 characters.");
        }

        input.ThrowIfInvalid();
        var original = await queries.InvoiceAsync(id!.Value, caller, context.CancellationToken);
        if (!caller.IsAdmin && caller.Subject != original.OwnerId)
        {
            throw new PermissionDeniedException("Only the organizer who issued the invoice (or an admin) corrects it.");
        }

        var (creditNote, invoice) = await issuing.CorrectAsync(original, request.Buyer!.ToDomain(), request.Note, context.CancellationToken);
        return new Proto.CorrectInvoiceResponse { CreditNote = creditNote.ToContract(), Invoice = invoice.ToContract() };
    }

    public override async Task<Proto.ListReceiptsResponse> ListReceipts(Proto.ListReceiptsRequest request, ServerCallContext context)
    {
        var filter = BillingMapping.Filter(
            request.OrganizerId, request.EventId, request.RegistrationId, null, request.IssuedAfterTime, request.IssuedBeforeTime, request.PageSize,
            request.PageToken);
        var page = await queries.ReceiptsAsync(filter, context.Caller(), context.CancellationToken);
        return new Proto.ListReceiptsResponse { Receipts = { page.Items.Select(r => r.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Proto.Receipt> GetReceipt(Proto.GetReceiptRequest request, ServerCallContext context) =>
        (await queries.ReceiptAsync(BillingMapping.Id(request.Id, "a receipt id"), context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<HttpBody> GetReceiptPdf(Proto.GetReceiptPdfRequest request, ServerCallContext context) =>
        BillingMapping.Pdf(
            await queries.PdfAsync(DocumentKind.Receipt, BillingMapping.Id(request.Id, "a receipt id"), context.Caller(), context.CancellationToken), context);

    public override async Task<Proto.ListCreditNotesResponse> ListCreditNotes(Proto.ListCreditNotesRequest request, ServerCallContext context)
    {
        var filter = BillingMapping.Filter(
            request.OrganizerId, request.EventId, request.RegistrationId, request.InvoiceId, request.IssuedAfterTime, request.IssuedBeforeTime,
            request.PageSize, request.PageToken);
        var page = await queries.CreditNotesAsync(filter, context.Caller(), context.CancellationToken);
        return new Proto.ListCreditNotesResponse { CreditNotes = { page.Items.Select(c => c.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Proto.CreditNote> GetCreditNote(Proto.GetCreditNoteRequest request, ServerCallContext context) =>
        (await queries.CreditNoteAsync(BillingMapping.Id(request.Id, "a credit note id"), context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<HttpBody> GetCreditNotePdf(Proto.GetCreditNotePdfRequest request, ServerCallContext context) =>
        BillingMapping.Pdf(
            await queries.PdfAsync(DocumentKind.CreditNote, BillingMapping.Id(request.Id, "a credit note id"), context.Caller(), context.CancellationToken),
            context);

    public override async Task<HttpBody> ExportDocuments(Proto.ExportDocumentsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var input = new InputValidation();
        if (request.OrganizerId.Length == 0)
        {
            input.Add("organizer_id", "The organizer whose documents are exported.");
        }
        else
        {
            RequestFields.OptionalUuid(request.OrganizerId, "organizer_id", "an organizer id", input);
        }

        if (request.FromTime is null)
        {
            input.Add("from_time", "The start of the period (included).");
        }

        if (request.ToTime is null)
        {
            input.Add("to_time", "The end of the period (excluded).");
        }
        else if (request.FromTime is not null
                 && (request.ToTime.ToDateTimeOffset() <= request.FromTime.ToDateTimeOffset()
                     || request.ToTime.ToDateTimeOffset() - request.FromTime.ToDateTimeOffset() > LongestExport))
        {
            input.Add("to_time", "After from_time, and at most 366 days after it.");
        }

        input.ThrowIfInvalid();
        var (invoices, receipts, creditNotes) = await queries.IssuedByAsync(
            request.OrganizerId, request.FromTime!.ToDateTimeOffset(), request.ToTime!.ToDateTimeOffset(), caller, context.CancellationToken);
        context.GetHttpContext().Response.Headers.ContentDisposition =
            $"attachment; filename=\"documents-{request.FromTime.ToDateTimeOffset():yyyyMMdd}-{request.ToTime.ToDateTimeOffset():yyyyMMdd}.csv\"";
        return new HttpBody
        {
            ContentType = DocumentExport.ContentType,
            Data = ByteString.CopyFrom(DocumentExport.ToCsv(invoices, receipts, creditNotes), Encoding.UTF8),
        };
    }
}
