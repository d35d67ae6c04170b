using EventPlatform.Billing.Application;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Paging;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EventPlatform.Billing.Grpc;

internal static class BillingMapping
{
    public static Caller Caller(this ServerCallContext context)
    {
        var caller = ServiceDefaults.Identity.CallerContext.Caller(context);
        return new Caller(caller.Subject, caller.IsAdmin);
    }

    public static Guid Id(string? value, string what, string field = "id") => RequestFields.Uuid(value, field, what);

    public static DocumentFilter Filter(
        string organizerId, string eventId, string registrationId, string? invoiceId, Timestamp? after, Timestamp? before, int pageSize,
        string pageToken)
    {
        var input = new InputValidation();
        var filter = new DocumentFilter(
            RequestFields.OptionalUuid(organizerId, "organizer_id", "an organizer id", input)?.ToString(),
            RequestFields.OptionalUuid(eventId, "event_id", "an event id", input),
            RequestFields.OptionalUuid(registrationId, "registration_id", "a registration id", input),
            invoiceId is null ? null : RequestFields.OptionalUuid(invoiceId, "invoice_id", "an invoice id", input),
            after?.ToDateTimeOffset(),
            before?.ToDateTimeOffset(),
            input.Capture(() => PageRequest.Of(pageSize, pageToken))!);
        input.ThrowIfInvalid();
        return filter;
    }

    public static HttpBody Pdf(DocumentFile file, ServerCallContext context)
    {
        // Through the BFF the browser gets a file name; the hash lets anyone check that the bytes are the ones issued.
        context.GetHttpContext().Response.Headers.ContentDisposition = $"inline; filename=\"{file.FileName}\"";
        context.GetHttpContext().Response.Headers.ETag = $"\"{file.Sha256}\"";
        return new HttpBody { ContentType = "application/pdf", Data = ByteString.CopyFrom(file.Content) };
    }
}
