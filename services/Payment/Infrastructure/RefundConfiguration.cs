using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Domain.Refunds;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Payment.Infrastructure;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("refunds", t => t.HasCheckConstraint("ck_refunds_amount_positive", "amount_minor > 0"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => RefundId.From(value)).ValueGeneratedNever();
        builder.Property(r => r.PaymentIntentId).HasConversion(id => id.Value, value => PaymentIntentId.From(value));
        builder.HasOne<PaymentIntent>().WithMany().HasForeignKey(r => r.PaymentIntentId);
        builder.Property(r => r.OrganizerId).HasMaxLength(200);
        builder.Property(r => r.AttendeeId).HasMaxLength(200);
        // Owned, not a complex property: EF Core 10 names a complex property's columns wrongly in queries composed over
        // FromSql (the row-locking reads).
        builder.OwnsOne(r => r.Amount, m =>
        {
            m.Property(x => x.AmountMinor).HasColumnName("amount_minor");
            m.Property(x => x.Currency).HasColumnName("currency").HasMaxLength(3);
        });
        builder.Navigation(x => x.Amount).IsRequired();
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Note).HasMaxLength(RefundNoteMustFitRule.MaxLength);
        builder.Property(r => r.ProviderRefundId).HasMaxLength(255);
        builder.HasIndex(r => r.ProviderRefundId).IsUnique();
        builder.Property(r => r.FailureMessage).HasMaxLength(1000);
        // A cancellation's refund, a late payment's refund, an organizer's request: each key refunds once.
        builder.HasRequestId();
        builder.HasIndex(r => new { r.PaymentIntentId, r.CreateTime });
        builder.HasIndex(r => new { r.EventId, r.CreateTime, r.Id });
        builder.HasIndex(r => new { r.AttendeeId, r.CreateTime, r.Id });
        builder.HasIndex(r => r.CreateTime).HasFilter("status = 'Pending'");
    }
}
