using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Tests.Program.Domain;

/// <summary>
/// One event's program held in memory, the way the service holds it in the database: every placement is judged by
/// the aggregate against the event, the room and speakers it names, and the sessions already scheduled.
/// </summary>
internal sealed class InMemoryProgram
{
    public static readonly DateTimeOffset EventStart = new(2027, 3, 10, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EventEnd = EventStart.AddHours(10);
    public static readonly DateTimeOffset Now = EventStart.AddMonths(-2);

    private readonly List<Room> _rooms = [];
    private readonly List<Speaker> _speakers = [];
    private readonly List<Session> _sessions = [];

    public InMemoryProgram(EventStatus status = EventStatus.Draft, string organizerId = "organizer-1") =>
        Event = NewEvent(status, organizerId);

    public ProgramEvent Event { get; private set; }

    public IReadOnlyList<Session> Sessions => _sessions;

    public IEnumerable<Session> Scheduled => _sessions.Where(s => s.IsScheduled);

    public static ProgramEvent NewEvent(EventStatus status = EventStatus.Draft, string organizerId = "organizer-1") =>
        new(new EventId(Guid.NewGuid()), "DotNet Days", organizerId, "alice", EventStart, EventEnd, "Europe/Paris", status);

    /// <summary>A [from, to) slot on the event's day, in hours after midnight UTC (8.5 = 08:30).</summary>
    public static TimeSlot At(double from, double to) =>
        TimeSlot.Create(EventStart.Date.AddHours(from).ToUniversalTimeOffset(), EventStart.Date.AddHours(to).ToUniversalTimeOffset());

    public void Becomes(EventStatus status) => Event = Event with { Status = status };

    public Room AddRoom(string name = "Hall A", int capacity = 100, ProgramEvent? of = null)
    {
        var room = Room.Create(RoomId.New(), of ?? Event, RoomName.Create(name), RoomCapacity.Create(capacity), Now);
        _rooms.Add(room);
        return room;
    }

    public Speaker AddSpeaker(string name, string? organizerId = null)
    {
        var speaker = Speaker.Create(
            SpeakerId.New(), organizerId ?? Event.OrganizerId, "alice", SpeakerProfile.Create(name, "", null, null, ""), Now);
        _speakers.Add(speaker);
        return speaker;
    }

    public static SessionPlan Plan(
        TimeSlot slot, Room? room = null, IEnumerable<Speaker>? speakers = null, int? capacity = null, string title = "Talk", bool plenary = false) =>
        new(SessionTitle.Create(title), "", "", room?.Id, slot, SpeakerLineup.Create((speakers ?? []).Select(s => s.Id)),
            capacity is { } seats ? SessionCapacity.Create(seats) : null, plenary);

    public Session Schedule(SessionPlan plan)
    {
        var id = SessionId.New();
        var session = Session.Schedule(id, plan, ContextFor(plan), Now);
        _sessions.Add(session);
        return session;
    }

    public SessionChangeKinds Revise(Session session, SessionRevision revision) =>
        session.Revise(revision, ContextFor(revision.ApplyTo(session.CurrentPlan())), Now.AddDays(1));

    /// <summary>Every scheduled session is offered as possibly booked: the aggregate must pick the ones that collide.</summary>
    public ScheduleContext ContextFor(SessionPlan plan) => new(
        Event,
        plan.Room is { } room ? _rooms.Single(r => r.Id == room) : null,
        plan.Lineup.Speakers.Select(id => _speakers.Single(s => s.Id == id)).ToList(),
        Scheduled.Select(BookedSession.Of).ToList());
}

internal static class DateTimeExtensions
{
    public static DateTimeOffset ToUniversalTimeOffset(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
