using EventPlatform.Domain;
using EventPlatform.Billing.Application.Ports;
using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using EventPlatform.Billing.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Billing.Application.Issuing;

/// <summary>An invoice paid at issue, with its receipt: what billing issues for a successful payment.</summary>
public sealed record PaidInvoice(InvoiceTerms Terms, string Prefix, string ProviderChargeId);

/// <summary>A credit note for money paid back.</summary>
public sealed record RefundCredit(Guid PaymentIntentId, Guid RefundId, Money Amount, RefundCause Cause);

/// <summary>
/// Issues documents: numbers from their series, the document, its PDF and its integration event, all in one
/// transaction — so a failure anywhere consumes no number and leaves no document without its PDF. Each is issued once:
/// for a payment (one invoice and one receipt) or a refund (one credit note), also when asked again or concurrently.
/// </summary>
public sealed class DocumentIssuing(CommandPipeline<BillingDbContext> pipeline, IDocumentNumbers numbers, IDocumentRenderer renderer, TimeProvider clock)
{
    private BillingDbContext Db => pipeline.Db;

    public async Task<Invoice> IssuePaidInvoiceAsync(PaidInvoice request, CancellationToken cancellationToken)
    {
        if (await OriginalInvoiceAsync(request.Terms.PaymentIntentId, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            return await pipeline.RunAsync(async (_, token) =>
            {
                var now = clock.GetUtcNow();
                var invoice = Invoice.Issue(request.Terms, await NumberAsync(request.Terms.OrganizerId, request.Prefix, DocumentKind.Invoice, now, token), now);
                var receipt = Receipt.ForPayment(
                    invoice, request.ProviderChargeId, await NumberAsync(invoice.OrganizerId, request.Prefix, DocumentKind.Receipt, now, token), now);
                Add(invoice, now);
                Add(receipt, now);
                return invoice;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && Db.Database.CurrentTransaction is null)
        {
            // Issued concurrently for the same payment: the other one won, and its numbers are the only ones taken.
            Db.ChangeTracker.Clear();
            return await OriginalInvoiceAsync(request.Terms.PaymentIntentId, cancellationToken)
                ?? throw new InvalidOperationException("A concurrent issue failed to commit.", e);
        }
    }

    /// <summary>Null while the payment has no invoice yet (its PaymentSucceeded is still on the way).</summary>
    public async Task<CreditNote?> IssueRefundCreditNoteAsync(RefundCredit request, CancellationToken cancellationToken)
    {
        if (await Db.CreditNotes.AsNoTracking().SingleOrDefaultAsync(c => c.RefundId == request.RefundId, cancellationToken) is { } existing)
        {
            return existing;
        }

        return await pipeline.RunAsync(async (_, token) =>
        {
            if (await Db.LockCurrentInvoiceAsync(request.PaymentIntentId, token) is not { } invoice)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var creditNote = CreditNote.Against(
                invoice, request.Amount, await Db.CreditedMinorAsync(invoice.Id, token), CreditNoteReason.Refund, request.RefundId,
                request.Cause.Describe(invoice.Language),
                await NumberAsync(invoice.OrganizerId, invoice.Prefix, DocumentKind.CreditNote, now, token), now);
            Add(creditNote, now);
            return creditNote;
        }, cancellationToken);
    }

    /// <summary>
    /// Cancels an invoice with a credit note for what is left of it and reissues it to <paramref name="buyer"/>. Asked
    /// again for an invoice already replaced with that buyer, returns what the first call issued.
    /// </summary>
    public async Task<(CreditNote CreditNote, Invoice Invoice)> CorrectAsync(
        Invoice original, Party buyer, string note, CancellationToken cancellationToken) =>
        await pipeline.RunAsync(async (_, token) =>
        {
            if (await Db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.ReplacesInvoiceId == original.Id, token) is { } replacement)
            {
                BusinessRule.Check(new InvoiceMustNotBeReplacedAlreadyRule(original, replacement.Buyer == buyer));
                var credited = await Db.CreditNotes.AsNoTracking()
                    .SingleAsync(c => c.InvoiceId == original.Id && c.Reason == CreditNoteReason.Correction, token);
                return (credited, replacement);
            }

            var invoice = await Db.LockCurrentInvoiceAsync(original.PaymentIntentId, token);
            BusinessRule.Check(new InvoiceMustNotBeReplacedAlreadyRule(original, invoice?.Id == original.Id));
            var now = clock.GetUtcNow();
            var left = invoice!.GrossTotalMinor - await Db.CreditedMinorAsync(invoice.Id, token);
            var creditNote = CreditNote.Against(
                invoice, new Money(left, invoice.Currency), invoice.GrossTotalMinor - left, CreditNoteReason.Correction, refundId: null, note,
                await NumberAsync(invoice.OrganizerId, invoice.Prefix, DocumentKind.CreditNote, now, token), now);
            var reissued = Invoice.Issue(
                new InvoiceTerms(
                    invoice.OrganizerId, invoice.OwnerId, invoice.EventId, invoice.RegistrationId, invoice.PaymentIntentId, invoice.AttendeeId,
                    invoice.Seller, buyer, creditNote.Lines, invoice.Currency, invoice.Language, invoice.PayTime, invoice.PaymentMethod, invoice.Id),
                await NumberAsync(invoice.OrganizerId, invoice.Prefix, DocumentKind.Invoice, now, token), now);
            Add(creditNote, now);
            Add(reissued, now);
            return (creditNote, reissued);
        }, cancellationToken);

    private Task<Invoice?> OriginalInvoiceAsync(Guid paymentIntentId, CancellationToken cancellationToken) =>
        Db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.PaymentIntentId == paymentIntentId && i.ReplacesInvoiceId == null, cancellationToken);

    private async Task<DocumentNumber> NumberAsync(string organizerId, string prefix, DocumentKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        BusinessRule.Check(new SeriesMustHaveAPrefixRule(prefix));
        return DocumentNumber.Of(prefix, kind, now.UtcDateTime.Year, await numbers.NextAsync(organizerId, kind, now.UtcDateTime.Year, cancellationToken));
    }

    private void Add(Invoice invoice, DateTimeOffset now)
    {
        Db.Invoices.Add(invoice);
        Db.DocumentFiles.Add(DocumentFile.Of(DocumentKind.Invoice, invoice.Id, invoice.Number, renderer.Render(invoice), now));
    }

    private void Add(Receipt receipt, DateTimeOffset now)
    {
        Db.Receipts.Add(receipt);
        Db.DocumentFiles.Add(DocumentFile.Of(DocumentKind.Receipt, receipt.Id, receipt.Number, renderer.Render(receipt), now));
    }

    private void Add(CreditNote creditNote, DateTimeOffset now)
    {
        Db.CreditNotes.Add(creditNote);
        Db.DocumentFiles.Add(DocumentFile.Of(DocumentKind.CreditNote, creditNote.Id, creditNote.Number, renderer.Render(creditNote), now));
    }
}
