using EventPlatform.Payment.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Payment.Infrastructure;

internal sealed class ProviderEventConfiguration : IEntityTypeConfiguration<ProviderEvent>
{
    public void Configure(EntityTypeBuilder<ProviderEvent> builder)
    {
        builder.ToTable("provider_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Provider).HasMaxLength(40);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.ObjectId).HasMaxLength(255);
        builder.HasIndex(e => e.ReceiveTime).HasFilter("process_time IS NULL");
    }
}
