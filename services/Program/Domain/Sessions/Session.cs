using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>
/// A talk, workshop or plenary of an event's program: a slot inside the event's dates, optionally in a room of the
/// event, with speakers who are nowhere else at that time. Scheduled, or cancelled and kept as it was.
/// </summary>
public sealed class Session : AggregateRoot
{
    private readonly List<SessionSpeaker> _speakers = [];

    private Session()
    {
    }

    public SessionId Id { get; private set; }

    public EventId EventId { get; private set; }

    public SessionTitle Title { get; private set; } = null!;

    public string Abstract { get; private set; } = "";

    public string Track { get; private set; } = "";

    public RoomId? RoomId { get; private set; }

    public TimeSlot Slot { get; private set; } = null!;

    public SessionCapacity Capacity { get; private set; }

    /// <summary>Attended by everyone (keynote, lunch): a change to it concerns every attendee.</summary>
    public bool Plenary { get; private set; }

    public SessionStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<SessionSpeaker> Speakers => _speakers;

    public SpeakerLineup Lineup => SpeakerLineup.Create(_speakers.OrderBy(s => s.Position).Select(s => s.SpeakerId));

    public bool IsScheduled => Status == SessionStatus.Scheduled;

    public static Session Schedule(SessionId id, SessionPlan plan, ScheduleContext context, DateTimeOffset now)
    {
        var session = new Session
        {
            Id = id,
            EventId = context.Event.Id,
            Status = SessionStatus.Scheduled,
            CreatedAt = now,
        };
        session.Apply(plan, context, now);
        session.Raise(new SessionChanged(context.Event, id, SessionChangeKinds.Added, null, SessionState.Of(session), ChangeNotice.None));
        return session;
    }

    /// <summary>
    /// Changes the parts the revision names, every rule checked again; returns what attendees would notice, and
    /// tells them with the organizer's <paramref name="notice"/>.
    /// </summary>
    public SessionChangeKinds Revise(SessionRevision revision, ScheduleContext context, DateTimeOffset now, ChangeNotice? notice = null)
    {
        BusinessRule.Check(new CancelledSessionCannotChangeRule(Status));
        var before = (Title, RoomId, Slot, Lineup);
        var previous = SessionState.Of(this);
        Apply(revision.ApplyTo(CurrentPlan()), context, now);

        var changes = SessionChangeKinds.None;
        changes |= before.Slot != Slot ? SessionChangeKinds.Time : SessionChangeKinds.None;
        changes |= before.RoomId != RoomId ? SessionChangeKinds.Room : SessionChangeKinds.None;
        changes |= !before.Lineup.HasSamePeopleAs(Lineup) ? SessionChangeKinds.Speakers : SessionChangeKinds.None;
        changes |= before.Title != Title ? SessionChangeKinds.Title : SessionChangeKinds.None;
        Raise(new SessionChanged(context.Event, Id, changes, previous, SessionState.Of(this), notice ?? ChangeNotice.None));
        return changes;
    }

    /// <summary>Cancels the session; false (and nothing changes) when it already was.</summary>
    public bool Cancel(ProgramEvent programEvent, string? reason, DateTimeOffset now, ChangeNotice? notice = null)
    {
        if (Status == SessionStatus.Cancelled)
        {
            return false;
        }

        programEvent.EnsureProgramCanChange();
        return CancelWithEvent(programEvent, reason, now, notice ?? ChangeNotice.None);
    }

    /// <summary>Cancels the session because its event was cancelled: no rule stands in the way of that.</summary>
    public bool CancelWithEvent(ProgramEvent programEvent, string? reason, DateTimeOffset now, ChangeNotice notice)
    {
        if (Status == SessionStatus.Cancelled)
        {
            return false;
        }

        var previous = SessionState.Of(this);
        Status = SessionStatus.Cancelled;
        CancellationReason = SessionText.CancellationReason(reason);
        UpdatedAt = now;
        Raise(new SessionChanged(programEvent, Id, SessionChangeKinds.Cancelled, previous, SessionState.Of(this), notice));
        return true;
    }

    public void EnsureCanBeDeleted(ProgramEvent programEvent) =>
        BusinessRule.Check(new SessionCanOnlyBeDeletedWhileEventIsDraftRule(programEvent));

    public SessionPlan CurrentPlan() => new(Title, Abstract, Track, RoomId, Slot, Lineup, Capacity, Plenary);

    private void Apply(SessionPlan plan, ScheduleContext context, DateTimeOffset now)
    {
        var capacity = CheckPlacement(plan, context);
        var changed = Title != plan.Title || Abstract != plan.Abstract || Track != plan.Track || RoomId != plan.Room
            || Slot != plan.Slot || Capacity != capacity || Plenary != plan.Plenary || !Lineup.Equals(plan.Lineup);
        Title = plan.Title;
        Abstract = plan.Abstract;
        Track = plan.Track;
        RoomId = plan.Room;
        Slot = plan.Slot;
        Capacity = capacity;
        Plenary = plan.Plenary;
        ReplaceSpeakers(plan.Lineup);
        if (changed)
        {
            UpdatedAt = now;
        }
    }

    /// <summary>Every rule of a placement, in the order a person would fix them; returns the capacity it settles on.</summary>
    private SessionCapacity CheckPlacement(SessionPlan plan, ScheduleContext context)
    {
        if (plan.Room != context.Room?.Id || plan.Lineup.Speakers.Any(id => context.Speakers.All(s => s.Id != id)))
        {
            throw new InvalidOperationException("The schedule context must hold the room and speakers the plan names.");
        }

        var programEvent = context.Event;
        programEvent.EnsureProgramCanChange();
        BusinessRule.Check(new SessionMustBeWithinEventDatesRule(plan.Slot, programEvent));
        if (context.Room is { } room)
        {
            BusinessRule.Check(new RoomMustBelongToTheEventRule(room, programEvent));
        }

        var capacity = plan.Capacity ?? (context.Room is { } r ? SessionCapacity.Of(r.Capacity) : SessionCapacity.Unlimited);
        BusinessRule.Check(new SessionCapacityMustNotExceedRoomCapacityRule(capacity, context.Room));
        BusinessRule.Check(new SpeakersMustBelongToTheEventOrganizerRule(context.Speakers, programEvent));
        BusinessRule.Check(new SessionsInSameRoomMustNotOverlapRule(Id, plan.Room, plan.Slot, context.Booked));
        BusinessRule.Check(new SpeakersMustNotBeInOverlappingSessionsRule(Id, plan.Lineup, plan.Slot, context.Booked));
        return capacity;
    }

    /// <summary>Keeps the rows of speakers who stay (so the database updates positions, not deletes and inserts).</summary>
    private void ReplaceSpeakers(SpeakerLineup lineup)
    {
        _speakers.RemoveAll(s => !lineup.Speakers.Contains(s.SpeakerId));
        for (var position = 0; position < lineup.Speakers.Count; position++)
        {
            var speakerId = lineup.Speakers[position];
            if (_speakers.Find(s => s.SpeakerId == speakerId) is { } kept)
            {
                kept.Position = position;
            }
            else
            {
                _speakers.Add(new SessionSpeaker(speakerId, position));
            }
        }
    }
}
