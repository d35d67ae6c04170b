using EventPlatform.Registrations.Domain.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Registrations.Infrastructure;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    /// <summary>
    /// The partial unique index "one active registration per attendee and event" is created by the migration in SQL:
    /// EF cannot index a column of an owned type together with one of its owner.
    /// </summary>
    internal const string OneActivePerAttendeeIndex = "ux_registrations_one_active_per_attendee";

    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("registrations", t => t.HasCheckConstraint(
            "ck_registrations_sessions_only_when_confirmed", "cardinality(session_ids) = 0 OR status = 'Confirmed'"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RequestId).HasMaxLength(200);
        builder.HasIndex(r => r.RequestId).IsUnique();
        builder.OwnsOne(r => r.Attendee, a =>
        {
            a.Property(x => x.Subject).HasMaxLength(200);
            a.Property(x => x.Name).HasMaxLength(AttendeeNameMustBeGivenRule.MaxLength);
            a.Property(x => x.Email).HasMaxLength(320);
            a.Property(x => x.Locale).HasMaxLength(35);
        });
        builder.Navigation(r => r.Attendee).IsRequired();
        builder.OwnsOne(r => r.Price, p => p.Property(x => x.Currency).HasMaxLength(3));
        builder.OwnsOne(r => r.BillingDetails, b =>
        {
            b.ToJson("billing_details");
            b.OwnsOne(x => x.Address);
        });
        builder.Ignore(r => r.SessionIds);
        builder.Property<List<string>>("_sessionIds").HasColumnName("session_ids");
        builder.Ignore(r => r.RequestedSessionIds);
        builder.Property<List<string>>("_requestedSessionIds").HasColumnName("requested_session_ids");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CancellationCause).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ExpiryReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StatusReason).HasMaxLength(1000);
        builder.Property(r => r.NoteToOrganizer).HasMaxLength(2000);
        builder.HasIndex(r => new { r.EventId, r.Status, r.WaitlistTicket });
        builder.HasIndex(r => r.HoldDeadline).HasFilter("status = 'Pending'");
        // Pending registrations whose payment intent is not opened yet: the opener's work list.
        builder.HasIndex(r => r.CreateTime).HasFilter("status = 'Pending' AND payment_intent_id IS NULL").HasDatabaseName("ix_registrations_payment_to_open");
    }
}
