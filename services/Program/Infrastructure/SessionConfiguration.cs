using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Program.Infrastructure;

/// <summary>
/// Sessions and their speakers. The schedule's rules are also database constraints (see the migration and
/// <see cref="ScheduleConstraints"/>): the aggregate checks them first; the database holds them when two writers race.
/// </summary>
internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.ToTable("sessions", t =>
        {
            t.HasCheckConstraint("ck_sessions_slot", "end_time > start_time");
            t.HasCheckConstraint("ck_sessions_capacity", "capacity >= 0");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new SessionId(value));
        e.Property(x => x.EventId).HasConversion(id => id.Value, value => new EventId(value));
        e.Property(x => x.Title).HasConversion(t => t.Value, value => SessionTitle.Create(value)).HasMaxLength(SessionTitle.MaxLength);
        e.Property(x => x.Abstract).HasMaxLength(SessionText.MaxAbstractLength);
        e.Property(x => x.Track).HasMaxLength(SessionText.MaxTrackLength);
        e.Property(x => x.RoomId).HasConversion(id => id!.Value.Value, value => new RoomId(value));
        e.Property(x => x.Capacity).HasConversion(c => c.Seats, seats => SessionCapacity.Create(seats));
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.CancellationReason).HasMaxLength(SessionText.MaxCancellationReasonLength);
        e.ComplexProperty(x => x.Slot, s =>
        {
            s.Property(p => p.Start).HasColumnName("start_time");
            s.Property(p => p.End).HasColumnName("end_time");
        });
        e.Property<uint>("Version").IsRowVersion();
        e.HasRequestId();
        e.HasIndex(x => x.EventId);

        // Deleting a room or speaker that a session still names fails here, whatever raced the delete.
        e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);

        e.Ignore(x => x.Lineup);
        e.OwnsMany(x => x.Speakers, s =>
        {
            // session_speakers also carries a copy of its session's slot and status, kept by triggers, so the
            // "a speaker is never in two overlapping sessions" exclusion constraint can work per speaker.
            s.ToTable(ScheduleConstraints.SessionSpeakersTable);
            s.WithOwner().HasForeignKey("SessionId");
            s.Property(x => x.SpeakerId).HasConversion(id => id.Value, value => new SpeakerId(value));
            s.HasKey("SessionId", nameof(SessionSpeaker.SpeakerId));
            s.HasOne<Speaker>().WithMany().HasForeignKey(x => x.SpeakerId).OnDelete(DeleteBehavior.Restrict);
            s.HasIndex(x => x.SpeakerId);
        });
        e.Navigation(x => x.Speakers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
