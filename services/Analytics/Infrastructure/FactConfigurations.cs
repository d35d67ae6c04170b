using EventPlatform.Analytics.Domain.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Analytics.Infrastructure;

internal sealed class EventFactConfiguration : IEntityTypeConfiguration<EventFact>
{
    public void Configure(EntityTypeBuilder<EventFact> builder)
    {
        builder.ToTable("event_facts");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.OrganizerId).HasMaxLength(200);
        builder.Property(e => e.OwnerId).HasMaxLength(200);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(e => new { e.OrganizerId, e.StartTime });
    }
}

internal sealed class RegistrationFactConfiguration : IEntityTypeConfiguration<RegistrationFact>
{
    public void Configure(EntityTypeBuilder<RegistrationFact> builder)
    {
        builder.ToTable("registration_facts");
        builder.HasKey(r => r.RegistrationId);
        builder.Property(r => r.RegistrationId).ValueGeneratedNever();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.EventId);
    }
}

internal sealed class PaymentFactConfiguration : IEntityTypeConfiguration<PaymentFact>
{
    public void Configure(EntityTypeBuilder<PaymentFact> builder)
    {
        builder.ToTable("payment_facts");
        builder.HasKey(p => p.PaymentIntentId);
        builder.Property(p => p.PaymentIntentId).ValueGeneratedNever();
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.EventId);
    }
}

internal sealed class RefundFactConfiguration : IEntityTypeConfiguration<RefundFact>
{
    public void Configure(EntityTypeBuilder<RefundFact> builder)
    {
        builder.ToTable("refund_facts");
        builder.HasKey(r => r.RefundId);
        builder.Property(r => r.RefundId).ValueGeneratedNever();
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.HasIndex(r => r.EventId);
    }
}

internal sealed class DocumentFactConfiguration : IEntityTypeConfiguration<DocumentFact>
{
    public void Configure(EntityTypeBuilder<DocumentFact> builder)
    {
        builder.ToTable("document_facts");
        builder.HasKey(d => d.DocumentId);
        builder.Property(d => d.DocumentId).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.HasIndex(d => d.EventId);
    }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal");
        builder.HasKey(j => j.MessageId);
        builder.Property(j => j.MessageId).HasMaxLength(200);
        builder.Property(j => j.Type).HasMaxLength(200);
        builder.HasIndex(j => j.ReceiveTime);
    }
}
