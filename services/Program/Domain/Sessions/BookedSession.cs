using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>
/// A scheduled session, of any event, that a new placement could collide with: it holds its room and its speakers
/// during its slot.
/// </summary>
public sealed record BookedSession(SessionId Id, string Title, RoomId? Room, TimeSlot Slot, IReadOnlyCollection<SpeakerId> Speakers)
{
    public static BookedSession Of(Session session) =>
        new(session.Id, session.Title.Value, session.RoomId, session.Slot, session.Lineup.Speakers);
}
