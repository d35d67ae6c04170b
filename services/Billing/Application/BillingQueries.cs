using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using EventPlatform.Billing.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Billing.Application;

/// <summary>Who calls, reduced to what billing decides on.</summary>
public sealed record Caller(string Subject, bool IsAdmin)
{
    /// <summary>The attendee the document concerns, the organizer who issued it, or an admin.</summary>
    public bool MaySee(IIssuedDocument document) => IsAdmin || Subject == document.AttendeeId || Subject == document.OwnerId;
}

/// <param name="OrganizerId">The organizer's documents (for the organizer); without it, the caller's own.</param>
public sealed record DocumentFilter(
    string? OrganizerId, Guid? EventId, Guid? RegistrationId, Guid? InvoiceId, DateTimeOffset? IssuedAfter, DateTimeOffset? IssuedBefore,
    PageRequest Page);

/// <summary>
/// Reads for callers. A document the caller may not see is reported as not found. Lists are newest first,
/// keyset-paginated on (issue_time, id).
/// </summary>
public sealed class BillingQueries(BillingDbContext db)
{
    /// <param name="caller">Null for another service (internal API): no ownership check.</param>
    public Task<Invoice> InvoiceAsync(Guid id, Caller? caller, CancellationToken cancellationToken) =>
        FindAsync(db.Invoices, id, "invoice", caller, cancellationToken);

    public Task<Receipt> ReceiptAsync(Guid id, Caller? caller, CancellationToken cancellationToken) =>
        FindAsync(db.Receipts, id, "receipt", caller, cancellationToken);

    public Task<CreditNote> CreditNoteAsync(Guid id, Caller? caller, CancellationToken cancellationToken) =>
        FindAsync(db.CreditNotes, id, "credit note", caller, cancellationToken);

    /// <summary>The registration's current invoice: the latest no correction replaced.</summary>
    public async Task<Invoice> InvoiceOfRegistrationAsync(Guid registrationId, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking()
            .Where(i => i.RegistrationId == registrationId && !db.Invoices.Any(r => r.ReplacesInvoiceId == i.Id))
            .OrderByDescending(i => i.IssueTime)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("invoice of registration", registrationId.ToString());

    /// <summary>The document's PDF, as stored when it was issued.</summary>
    public async Task<DocumentFile> PdfAsync(DocumentKind kind, Guid id, Caller? caller, CancellationToken cancellationToken)
    {
        _ = kind switch
        {
            DocumentKind.Invoice => (IIssuedDocument)await InvoiceAsync(id, caller, cancellationToken),
            DocumentKind.Receipt => await ReceiptAsync(id, caller, cancellationToken),
            _ => await CreditNoteAsync(id, caller, cancellationToken),
        };
        return await db.DocumentFiles.AsNoTracking().SingleOrDefaultAsync(f => f.DocumentId == id && f.Kind == kind, cancellationToken)
            ?? throw new NotFoundException("document file", id.ToString());
    }

    public Task<Page<Invoice>> InvoicesAsync(DocumentFilter filter, Caller caller, CancellationToken cancellationToken) =>
        ListAsync(db.Invoices, filter, caller, cancellationToken);

    public Task<Page<Receipt>> ReceiptsAsync(DocumentFilter filter, Caller caller, CancellationToken cancellationToken) =>
        ListAsync(db.Receipts, filter, caller, cancellationToken);

    public Task<Page<CreditNote>> CreditNotesAsync(DocumentFilter filter, Caller caller, CancellationToken cancellationToken) =>
        ListAsync(filter.InvoiceId is { } invoiceId ? db.CreditNotes.Where(c => c.InvoiceId == invoiceId) : db.CreditNotes, filter, caller, cancellationToken);

    /// <summary>Every document an organizer issued in [from, to), oldest first, for its owner (or an admin).</summary>
    public async Task<(List<Invoice> Invoices, List<Receipt> Receipts, List<CreditNote> CreditNotes)> IssuedByAsync(
        string organizerId, DateTimeOffset from, DateTimeOffset to, Caller caller, CancellationToken cancellationToken)
    {
        var invoices = await Period(db.Invoices, organizerId, from, to, caller).ToListAsync(cancellationToken);
        var receipts = await Period(db.Receipts, organizerId, from, to, caller).ToListAsync(cancellationToken);
        var creditNotes = await Period(db.CreditNotes, organizerId, from, to, caller).ToListAsync(cancellationToken);
        if (!caller.IsAdmin && invoices.Count + receipts.Count + creditNotes.Count == 0
            && await db.Invoices.AnyAsync(i => i.OrganizerId == organizerId && i.OwnerId != caller.Subject, cancellationToken))
        {
            throw new PermissionDeniedException("Only the organizer's owner (or an admin) exports its documents.");
        }

        return (invoices, receipts, creditNotes);
    }

    private static IQueryable<T> Period<T>(IQueryable<T> documents, string organizerId, DateTimeOffset from, DateTimeOffset to, Caller caller)
        where T : class, IIssuedDocument =>
        documents.AsNoTracking()
            .Where(d => d.OrganizerId == organizerId && (caller.IsAdmin || d.OwnerId == caller.Subject) && d.IssueTime >= from && d.IssueTime < to)
            .OrderBy(d => d.IssueTime).ThenBy(d => d.Id);

    private static async Task<T> FindAsync<T>(IQueryable<T> documents, Guid id, string kind, Caller? caller, CancellationToken cancellationToken)
        where T : class, IIssuedDocument
    {
        var document = await documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null || (caller is not null && !caller.MaySee(document)) ? throw new NotFoundException(kind, id.ToString()) : document;
    }

    private static async Task<Page<T>> ListAsync<T>(IQueryable<T> documents, DocumentFilter filter, Caller caller, CancellationToken cancellationToken)
        where T : class, IIssuedDocument
    {
        var query = documents.AsNoTracking();
        query = filter.OrganizerId is { } organizerId
            ? query.Where(d => d.OrganizerId == organizerId && (caller.IsAdmin || d.OwnerId == caller.Subject))
            : query.Where(d => d.AttendeeId == caller.Subject);
        if (filter.EventId is { } eventId)
        {
            query = query.Where(d => d.EventId == eventId);
        }

        if (filter.RegistrationId is { } registrationId)
        {
            query = query.Where(d => d.RegistrationId == registrationId);
        }

        if (filter.IssuedAfter is { } after)
        {
            query = query.Where(d => d.IssueTime >= after);
        }

        if (filter.IssuedBefore is { } before)
        {
            query = query.Where(d => d.IssueTime < before);
        }

        if (filter.Page.After is { } position)
        {
            var (time, id) = (position.Instant, position.Id);
            query = query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.IssueTime, d.Id), ValueTuple.Create(time, id)));
        }

        return Page<T>.FromReadOneMore(
            await query.OrderByDescending(d => d.IssueTime).ThenByDescending(d => d.Id).Take(filter.Page.Take + 1).ToListAsync(cancellationToken),
            filter.Page.Take, last => PageToken.After(last.IssueTime, last.Id));
    }
}
