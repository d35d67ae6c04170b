using EventPlatform.Payment.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Payment.Infrastructure;

internal sealed class EventDetailsConfiguration : IEntityTypeConfiguration<EventDetails>
{
    public void Configure(EntityTypeBuilder<EventDetails> builder)
    {
        builder.ToTable("event_details");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
        builder.Property(e => e.OrganizerId).HasMaxLength(200);
        builder.Property(e => e.OwnerId).HasMaxLength(200);
        builder.Property(e => e.Title).HasMaxLength(500);
    }
}
