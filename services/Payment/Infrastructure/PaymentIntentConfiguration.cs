using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Payment.Infrastructure;

internal sealed class PaymentIntentConfiguration : IEntityTypeConfiguration<PaymentIntent>
{
    public void Configure(EntityTypeBuilder<PaymentIntent> builder)
    {
        builder.ToTable("payment_intents", t =>
        {
            t.HasCheckConstraint("ck_payment_intents_amount_positive", "amount_minor > 0");
            // The last line of defence of "refunds never exceed what was paid".
            t.HasCheckConstraint("ck_payment_intents_refunds_within_amount", "refunded_minor <= refunds_requested_minor AND refunds_requested_minor <= amount_minor");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasConversion(id => id.Value, value => PaymentIntentId.From(value)).ValueGeneratedNever();
        builder.Ignore(i => i.RegistrationId);
        builder.Property(i => i.OrganizerId).HasMaxLength(200);
        builder.Property(i => i.AttendeeId).HasMaxLength(200);
        builder.Property(i => i.AttendeeEmail).HasMaxLength(320);
        // Owned, not a complex property: EF Core 10 names a complex property's columns wrongly in queries composed over
        // FromSql (the row-locking reads).
        builder.OwnsOne(i => i.Amount, m =>
        {
            m.Property(x => x.AmountMinor).HasColumnName("amount_minor");
            m.Property(x => x.Currency).HasColumnName("currency").HasMaxLength(3);
        });
        builder.Navigation(x => x.Amount).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(500);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Provider).HasMaxLength(40);
        builder.Property(i => i.ProviderPaymentId).HasMaxLength(255);
        builder.HasIndex(i => i.ProviderPaymentId).IsUnique();
        builder.Property(i => i.ClientSecret).HasMaxLength(255);
        builder.Property(i => i.NextActionUrl).HasMaxLength(2048);
        builder.Property(i => i.FailureCode).HasMaxLength(100);
        builder.Property(i => i.FailureMessage).HasMaxLength(1000);
        // A W3C traceparent (55 characters); not the domain's concern, so not a property of the intent.
        builder.Property<string?>(CheckoutTrace.Property).HasMaxLength(55);
        builder.HasIndex(i => new { i.EventId, i.CreateTime, i.Id });
        builder.HasIndex(i => new { i.AttendeeId, i.CreateTime, i.Id });
        // Reconciliation and the provider-work loop look at a few rows each: open intents, and those to cancel at the provider.
        builder.HasIndex(i => i.UpdateTime).HasFilter("status IN ('RequiresPayment', 'Processing')");
        builder.HasIndex(i => i.ExpireTime).HasFilter("status IN ('RequiresPayment', 'Processing')");
        builder.HasIndex(i => i.ProviderCancellationDue).HasFilter("provider_cancellation_due");
        builder.OwnsMany(i => i.Charges, c =>
        {
            c.ToTable("charges");
            c.WithOwner().HasForeignKey("payment_intent_id");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.ProviderChargeId).HasMaxLength(255);
            c.HasIndex(x => x.ProviderChargeId).IsUnique();
            c.Property(x => x.PaymentMethod).HasMaxLength(100);
            c.Property(x => x.FailureCode).HasMaxLength(100);
            c.Property(x => x.FailureMessage).HasMaxLength(1000);
        });
        builder.Navigation(i => i.Charges).HasField("_charges").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
