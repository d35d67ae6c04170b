using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Registrations.Infrastructure.Seats;

/// <summary>
/// The source of truth for seats: one row per event, changed only by guarded UPDATEs in the same transaction as the
/// registration whose status takes or frees the seat. The CHECK makes overselling impossible whatever the code does.
/// </summary>
public sealed class EventSeats
{
    public Guid EventId { get; init; }

    public int Capacity { get; init; }

    /// <summary>Seats used by Confirmed registrations or held by Pending and AwaitingApproval ones.</summary>
    public int Taken { get; init; }
}

internal sealed class EventSeatsConfiguration : IEntityTypeConfiguration<EventSeats>
{
    public const string WaitlistTickets = "waitlist_tickets";

    public void Configure(EntityTypeBuilder<EventSeats> builder)
    {
        builder.ToTable("event_seats", t => t.HasCheckConstraint("ck_event_seats_taken_within_capacity", "taken >= 0 AND taken <= capacity"));
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
    }
}
