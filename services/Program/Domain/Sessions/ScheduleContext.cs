using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>
/// What a session's placement is checked against: its event, the room and speakers the plan names, and the scheduled
/// sessions (of any event) that overlap its slot and share its room or a speaker.
/// </summary>
public sealed record ScheduleContext(
    ProgramEvent Event,
    Room? Room,
    IReadOnlyCollection<Speaker> Speakers,
    IReadOnlyCollection<BookedSession> Booked);
