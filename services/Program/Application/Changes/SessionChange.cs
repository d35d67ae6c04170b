using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Application.Changes;

/// <summary>A session as attendees know it, by ids; names are resolved when the change is recorded.</summary>
public sealed record SessionState(
    string Title, string Track, TimeSlot Slot, RoomId? Room, IReadOnlyList<SpeakerId> Speakers, bool Plenary, SessionStatus Status)
{
    public static SessionState Of(Session session) =>
        new(session.Title.Value, session.Track, session.Slot, session.RoomId, session.Lineup.Speakers, session.Plenary, session.Status);
}

/// <summary>One session touched by a command: what changed, how it was (null for a new session) and how it is.</summary>
public sealed record SessionChange(SessionId Session, SessionChangeKinds Kinds, SessionState? Previous, SessionState Current);

/// <summary>What the organizer tells attendees with a change, and who should hear it.</summary>
public sealed record ChangeNotice(string Note = "", bool NotifyAllAttendees = false, bool CausedByEventCancellation = false)
{
    public static ChangeNotice None { get; } = new();
}
