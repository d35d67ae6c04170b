using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>Rooms are per event: a session is held in a room of its own event.</summary>
public sealed class RoomMustBelongToTheEventRule(Room room, ProgramEvent programEvent) : IBusinessRule
{
    public string Message => $"Room '{room.Name}' belongs to another event; create the room in this event first.";

    public bool IsBroken() => room.EventId != programEvent.Id;
}

/// <summary>Speakers belong to an organizer and appear only in that organizer's events.</summary>
public sealed class SpeakersMustBelongToTheEventOrganizerRule(IEnumerable<Speaker> speakers, ProgramEvent programEvent) : IBusinessRule
{
    private readonly Speaker? _stranger = speakers.FirstOrDefault(s => s.OrganizerId != programEvent.OrganizerId);

    public string Message => $"Speaker '{_stranger?.Profile.Name}' belongs to another organizer; create the speaker for this event's organizer.";

    public bool IsBroken() => _stranger is not null;
}

/// <summary>A cancelled session stays as it was, so attendees see what was cancelled; schedule a new one instead.</summary>
public sealed class CancelledSessionCannotChangeRule(SessionStatus status) : IBusinessRule
{
    public string Message => "The session is cancelled and can no longer change; schedule a new session instead.";

    public bool IsBroken() => status == SessionStatus.Cancelled;
}

/// <summary>Once an event is published, someone may have seen a session: it is cancelled, never removed.</summary>
public sealed class SessionCanOnlyBeDeletedWhileEventIsDraftRule(ProgramEvent programEvent) : IBusinessRule
{
    public string Message => "Sessions of an event that has been published are cancelled, not deleted.";

    public bool IsBroken() => programEvent.Status != EventStatus.Draft;
}
