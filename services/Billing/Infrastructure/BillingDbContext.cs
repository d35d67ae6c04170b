using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using EventPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Billing.Infrastructure;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();

    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();

    /// <summary>
    /// The payment's current invoice (the one no correction replaced), row-locked until the transaction ends so that its
    /// credit notes are issued one at a time; null if there is none. A lock reads the row without changing it, which the
    /// immutability trigger allows.
    /// </summary>
    public async Task<Invoice?> LockCurrentInvoiceAsync(Guid paymentIntentId, CancellationToken cancellationToken) =>
        (await Invoices.FromSqlInterpolated(
                $"""
                SELECT * FROM invoices i
                WHERE i.payment_intent_id = {paymentIntentId}
                  AND NOT EXISTS (SELECT 1 FROM invoices r WHERE r.replaces_invoice_id = i.id)
                FOR UPDATE
                """)
            .ToListAsync(cancellationToken))
        .SingleOrDefault();

    /// <summary>What was credited of an invoice so far.</summary>
    public Task<long> CreditedMinorAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        CreditNotes.Where(c => c.InvoiceId == invoiceId).SumAsync(c => c.GrossTotalMinor, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly).AddMessaging();
}
