using EventPlatform.Catalog.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Catalog.Infrastructure;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    /// <summary>The client's idempotency key of the CreateEvent call that made the row: infrastructure, not domain.</summary>
    public const string RequestId = "RequestId";

    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.ToTable("events", t =>
        {
            // Last line of defence behind the aggregate's rules.
            t.HasCheckConstraint("ck_events_schedule", "end_time > start_time");
            t.HasCheckConstraint("ck_events_capacity", "capacity > 0");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new EventId(value));
        e.Property(x => x.OrganizerId).HasMaxLength(64);
        e.Property(x => x.Title).HasConversion(t => t.Value, value => EventTitle.Create(value)).HasMaxLength(EventTitle.MaxLength);
        e.Property(x => x.Capacity).HasConversion(c => c.Seats, seats => EventCapacity.Create(seats));
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CancellationReason).HasMaxLength(1000);

        e.ComplexProperty(x => x.Schedule, s =>
        {
            s.Property(p => p.Start).HasColumnName("start_time");
            s.Property(p => p.End).HasColumnName("end_time");
            s.Property(p => p.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
        });
        e.ComplexProperty(x => x.RegistrationWindow, w =>
        {
            w.Property(p => p.Opens).HasColumnName("registration_opens_time");
            w.Property(p => p.Closes).HasColumnName("registration_closes_time");
        });
        e.ComplexProperty(x => x.Price, p =>
        {
            p.Property(x => x.AmountMinor).HasColumnName("price_amount_minor");
            p.Property(x => x.Currency).HasColumnName("price_currency").HasMaxLength(3);
            p.Property(x => x.VatRateBasisPoints).HasColumnName("vat_rate_basis_points");
        });
        e.ComplexProperty(x => x.RefundTerms, r =>
        {
            r.Property(x => x.Policy).HasColumnName("refund_policy").HasConversion<string>().HasMaxLength(32);
            r.Property(x => x.Deadline).HasColumnName("refund_deadline");
        });
        // A venue's address has many optional parts and no query needs them: one jsonb document.
        e.ComplexProperty(x => x.Location, l => l.ToJson("location"));

        e.Property<string?>(RequestId).HasMaxLength(128);
        e.HasIndex(RequestId).IsUnique();
        e.HasIndex(x => x.OrganizerId);
    }
}
