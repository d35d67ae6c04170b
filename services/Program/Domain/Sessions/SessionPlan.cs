using EventPlatform.Program.Domain.Rooms;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>
/// What an organizer asks for a session. A null capacity takes the room's seats (unlimited without a room).
/// </summary>
public sealed record SessionPlan(
    SessionTitle Title,
    string Abstract,
    string Track,
    RoomId? Room,
    TimeSlot Slot,
    SpeakerLineup Lineup,
    SessionCapacity? Capacity,
    bool Plenary);

/// <summary>
/// A change to some parts of a session; null parts stay as they are. Start and end move separately: moving only the
/// start keeps the end, and the slot they make is checked again.
/// </summary>
public sealed record SessionRevision(
    SessionTitle? Title = null,
    string? Abstract = null,
    string? Track = null,
    RoomMove? Room = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    SpeakerLineup? Lineup = null,
    SessionCapacity? Capacity = null,
    bool? Plenary = null)
{
    public SessionPlan ApplyTo(SessionPlan current) => new(
        Title ?? current.Title,
        Abstract ?? current.Abstract,
        Track ?? current.Track,
        Room is { } move ? move.To : current.Room,
        Start is null && End is null ? current.Slot : TimeSlot.Create(Start ?? current.Slot.Start, End ?? current.Slot.End),
        Lineup ?? current.Lineup,
        Capacity ?? current.Capacity,
        Plenary ?? current.Plenary);
}

/// <summary>Moves a session into a room, or out of any room (null).</summary>
public readonly record struct RoomMove(RoomId? To);
