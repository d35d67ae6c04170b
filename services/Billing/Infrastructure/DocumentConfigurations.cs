using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Billing.Infrastructure;

/// <summary>
/// One table per kind of document. Seller, buyer and lines are JSON documents: printed as issued, never queried
/// apart. (organizer, year, sequence) is unique per kind, the last line of defence of the numbering.
/// </summary>
internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices", t =>
        {
            t.HasCheckConstraint("ck_invoices_totals", "gross_total_minor > 0 AND net_total_minor + vat_total_minor = gross_total_minor");
            t.HasCheckConstraint("ck_invoices_sequence", "sequence > 0");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(64);
        builder.Property(i => i.Prefix).HasMaxLength(20);
        builder.Property(i => i.OrganizerId).HasMaxLength(200);
        builder.Property(i => i.OwnerId).HasMaxLength(200);
        builder.Property(i => i.AttendeeId).HasMaxLength(200);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.PaymentMethod).HasMaxLength(100);
        builder.Property(i => i.Language).HasConversion<string>().HasMaxLength(2);
        builder.Parties(i => i.Seller, i => i.Buyer);
        builder.ComplexCollection(i => i.Lines, l => l.ToJson("lines"));
        builder.HasIndex(i => new { i.OrganizerId, i.Year, i.Sequence }).IsUnique();
        builder.HasIndex(i => i.Number).IsUnique();
        // One invoice per payment, besides those reissued by corrections.
        builder.HasIndex(i => i.PaymentIntentId).IsUnique().HasFilter("replaces_invoice_id IS NULL");
        builder.HasOne<Invoice>().WithOne().HasForeignKey<Invoice>(i => i.ReplacesInvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.AttendeeId, i.IssueTime });
        builder.HasIndex(i => new { i.OrganizerId, i.IssueTime });
        builder.HasIndex(i => i.RegistrationId);
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.ToTable("receipts", t => t.HasCheckConstraint("ck_receipts_amount_positive", "amount_paid_minor > 0"));
        builder.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Number).HasMaxLength(64);
        builder.Property(r => r.InvoiceNumber).HasMaxLength(64);
        builder.Property(r => r.OrganizerId).HasMaxLength(200);
        builder.Property(r => r.OwnerId).HasMaxLength(200);
        builder.Property(r => r.AttendeeId).HasMaxLength(200);
        builder.Property(r => r.ProviderChargeId).HasMaxLength(200);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.PaymentMethod).HasMaxLength(100);
        builder.Property(r => r.Language).HasConversion<string>().HasMaxLength(2);
        builder.Parties(r => r.Seller, r => r.Buyer);
        builder.HasIndex(r => new { r.OrganizerId, r.Year, r.Sequence }).IsUnique();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => r.PaymentIntentId).IsUnique();
        builder.HasIndex(r => new { r.AttendeeId, r.IssueTime });
        builder.HasIndex(r => new { r.OrganizerId, r.IssueTime });
        builder.HasIndex(r => r.RegistrationId);
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.ToTable("credit_notes", t => t.HasCheckConstraint(
            "ck_credit_notes_totals", "gross_total_minor > 0 AND net_total_minor + vat_total_minor = gross_total_minor"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.Property(c => c.InvoiceNumber).HasMaxLength(64);
        builder.Property(c => c.OrganizerId).HasMaxLength(200);
        builder.Property(c => c.OwnerId).HasMaxLength(200);
        builder.Property(c => c.AttendeeId).HasMaxLength(200);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.Note).HasMaxLength(1000);
        builder.Property(c => c.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Language).HasConversion<string>().HasMaxLength(2);
        builder.Parties(c => c.Seller, c => c.Buyer);
        builder.ComplexCollection(c => c.Lines, l => l.ToJson("lines"));
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganizerId, c.Year, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.RefundId).IsUnique();
        builder.HasIndex(c => new { c.AttendeeId, c.IssueTime });
        builder.HasIndex(c => new { c.OrganizerId, c.IssueTime });
        builder.HasIndex(c => c.RegistrationId);
    }
}

internal sealed class DocumentFileConfiguration : IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<DocumentFile> builder)
    {
        builder.ToTable("document_files");
        builder.HasKey(f => f.DocumentId);
        builder.Property(f => f.DocumentId).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.FileName).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal static class PartyMapping
{
    public static void Parties<T>(
        this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Party?>> seller,
        System.Linq.Expressions.Expression<Func<T, Party?>> buyer)
        where T : class
    {
        builder.ComplexProperty(seller, p =>
        {
            p.ToJson("seller");
            p.ComplexProperty(x => x.Address);
        });
        builder.ComplexProperty(buyer, p =>
        {
            p.ToJson("buyer");
            p.ComplexProperty(x => x.Address);
        });
    }
}
