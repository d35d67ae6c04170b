using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Registrations.Infrastructure.Seats;

/// <summary>
/// Seats of one session taken by the Confirmed registrations that chose it; changed only by guarded UPDATEs in the
/// transaction of the choice (or of the status change) that explains them. Capacity is program's, refreshed at every
/// choice; 0 means unlimited.
/// </summary>
public sealed class SessionSeats
{
    public string SessionId { get; init; } = string.Empty;

    public Guid EventId { get; init; }

    public int Capacity { get; init; }

    public int Taken { get; init; }
}

internal sealed class SessionSeatsConfiguration : IEntityTypeConfiguration<SessionSeats>
{
    public void Configure(EntityTypeBuilder<SessionSeats> builder)
    {
        // Not "taken <= capacity": program may lower a session's capacity below the choices already made, which are
        // kept; the guarded UPDATE (the only way to take a seat) then admits nobody until enough leave.
        builder.ToTable("session_seats", t => t.HasCheckConstraint("ck_session_seats_counts", "taken >= 0 AND capacity >= 0"));
        builder.HasKey(s => s.SessionId);
        builder.Property(s => s.SessionId).HasMaxLength(36);
        builder.HasIndex(s => s.EventId);
    }
}
