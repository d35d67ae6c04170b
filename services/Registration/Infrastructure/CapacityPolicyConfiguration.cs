using EventPlatform.Registrations.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Registrations.Infrastructure;

internal sealed class CapacityPolicyConfiguration : IEntityTypeConfiguration<CapacityPolicy>
{
    public void Configure(EntityTypeBuilder<CapacityPolicy> builder)
    {
        builder.ToTable("capacity_policies");
        builder.HasKey(p => p.EventId);
        builder.Property(p => p.EventId).ValueGeneratedNever();
        builder.Property(p => p.OwnerId).HasMaxLength(200);
        builder.Property(p => p.OrganizerId).HasMaxLength(200);
        builder.Property(p => p.RefundPolicy).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(p => p.Price, p => p.Property(x => x.Currency).HasMaxLength(3));
    }
}
