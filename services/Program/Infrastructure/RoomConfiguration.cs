using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Program.Infrastructure;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.ToTable("rooms", t => t.HasCheckConstraint("ck_rooms_capacity", "capacity > 0"));
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, value => new RoomId(value));
        e.Property(x => x.EventId).HasConversion(id => id.Value, value => new EventId(value));
        e.Property(x => x.Name).HasConversion(n => n.Value, value => RoomName.Create(value)).HasMaxLength(RoomName.MaxLength);
        e.Property(x => x.Capacity).HasConversion(c => c.Seats, seats => RoomCapacity.Create(seats));
        e.Property<uint>("Version").IsRowVersion();
        e.HasRequestId();
        e.HasIndex(x => x.EventId);
    }
}
