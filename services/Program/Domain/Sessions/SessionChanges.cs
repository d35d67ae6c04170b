using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>A session as attendees know it, by ids; names are resolved when the change is told.</summary>
public sealed record SessionState(
    string Title, string Track, TimeSlot Slot, RoomId? Room, IReadOnlyList<SpeakerId> Speakers, bool Plenary, SessionStatus Status)
{
    public static SessionState Of(Session session) =>
        new(session.Title.Value, session.Track, session.Slot, session.RoomId, session.Lineup.Speakers, session.Plenary, session.Status);
}

/// <summary>What the organizer tells attendees with a change, and who should hear it.</summary>
public sealed record ChangeNotice(string Note = "", bool NotifyAllAttendees = false, bool CausedByEventCancellation = false)
{
    public static ChangeNotice None { get; } = new();
}

/// <summary>
/// A session of the event changed in a way attendees may notice: what changed, how it was (null for a new session)
/// and how it is.
/// </summary>
public sealed record SessionChanged(
    ProgramEvent Event, SessionId Session, SessionChangeKinds Kinds, SessionState? Previous, SessionState Current, ChangeNotice Notice)
    : IDomainEvent;

/// <summary>The room got a new name: the attendees of the sessions held in it know them by it.</summary>
public sealed record RoomRenamed(ProgramEvent Event, RoomId Room) : IDomainEvent;

/// <summary>The speaker got a new name: the attendees of the speaker's sessions know them by it.</summary>
public sealed record SpeakerRenamed(SpeakerId Speaker) : IDomainEvent;
