using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace EventPlatform.Catalog.Infrastructure;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    /// <summary>Title and description as a full-text document, kept by PostgreSQL itself.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.ToTable("events", t =>
        {
            // Last line of defence behind the aggregate's rules.
            t.HasCheckConstraint("ck_events_schedule", "end_time > start_time");
            t.HasCheckConstraint("ck_events_capacity", "capacity > 0");
            t.HasCheckConstraint("ck_events_registration_window", "registration_closes_time IS NULL OR registration_closes_time <= end_time");
            t.HasCheckConstraint("ck_events_late_refund_percent", "late_refund_percent BETWEEN 0 AND 99");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new EventId(value));
        e.Property(x => x.OrganizerId).HasConversion(id => id.Value, value => new OrganizerId(value));
        e.HasOne<Organizer>().WithMany().HasForeignKey(x => x.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.OwnerId).HasMaxLength(128);
        e.Property(x => x.Title).HasConversion(t => t.Value, value => EventTitle.Create(value)).HasMaxLength(EventTitle.MaxLength);
        e.Property(x => x.Capacity).HasConversion(c => c.Seats, seats => EventCapacity.Create(seats));
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CancellationReason).HasMaxLength(1000);
        // Optimistic concurrency on PostgreSQL's row version: of two concurrent edits, the second is refused.
        e.Property<uint>("Version").IsRowVersion();

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
            r.Property(x => x.LateRefundPercent).HasColumnName("late_refund_percent");
        });
        // A venue's address has many optional parts and no query needs them: one jsonb document.
        e.ComplexProperty(x => x.Location, l => l.ToJson("location"));

        e.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql("to_tsvector('simple', title || ' ' || description)", stored: true);
        e.HasIndex(SearchVector).HasMethod("GIN");
        e.HasRequestId();
        e.HasIndex(x => x.OrganizerId);
        e.HasIndex(x => x.OwnerId);
    }
}
