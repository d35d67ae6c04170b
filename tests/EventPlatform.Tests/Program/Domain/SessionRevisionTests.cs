using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using static EventPlatform.Tests.Program.Domain.InMemoryProgram;
using static EventPlatform.Tests.Program.Domain.RuleAssertions;

namespace EventPlatform.Tests.Program.Domain;

public sealed class SessionRevisionTests
{
    private readonly InMemoryProgram _program = new();

    [Fact]
    public void Moving_a_session_tells_attendees_its_time_changed()
    {
        var session = _program.Schedule(Plan(At(9, 10), _program.AddRoom()));

        var changes = _program.Revise(session, new SessionRevision(Start: At(11, 12).Start, End: At(11, 12).End));

        changes.ShouldBe(SessionChangeKinds.Time);
        session.Slot.ShouldBe(At(11, 12));
        session.UpdatedAt.ShouldBeGreaterThan(session.CreatedAt);
    }

    [Fact]
    public void Moving_only_the_end_keeps_the_start()
    {
        var session = _program.Schedule(Plan(At(9, 10)));

        _program.Revise(session, new SessionRevision(End: At(9, 11).End));

        session.Slot.ShouldBe(At(9, 11));
    }

    [Fact]
    public void Moving_the_end_before_the_start_is_bad_input()
    {
        var session = _program.Schedule(Plan(At(9, 10)));

        BrokenField<SessionMustEndAfterItStartsRule>(() => _program.Revise(session, new SessionRevision(End: At(8, 9).Start)), "end_time");
    }

    [Fact]
    public void A_session_never_collides_with_itself_when_it_moves_a_little()
    {
        var room = _program.AddRoom();
        var ada = _program.AddSpeaker("Ada Lovelace");
        var session = _program.Schedule(Plan(At(9, 10), room, [ada]));

        _program.Revise(session, new SessionRevision(Start: At(9.5, 10.5).Start, End: At(9.5, 10.5).End)).ShouldBe(SessionChangeKinds.Time);
    }

    [Fact]
    public void A_session_moved_onto_another_in_its_room_is_refused_and_stays_where_it_was()
    {
        var room = _program.AddRoom();
        _program.Schedule(Plan(At(9, 10), room));
        var session = _program.Schedule(Plan(At(10, 11), room));

        Broken<SessionsInSameRoomMustNotOverlapRule>(() => _program.Revise(session, new SessionRevision(Start: At(9.5, 10.5).Start)));

        session.Slot.ShouldBe(At(10, 11));
    }

    [Fact]
    public void Re_rooming_changing_speakers_and_renaming_are_each_reported()
    {
        var session = _program.Schedule(Plan(At(9, 10), _program.AddRoom("Hall A"), [_program.AddSpeaker("Ada Lovelace")]));

        var changes = _program.Revise(session, new SessionRevision(
            Title: SessionTitle.Create("Analytical engines"),
            Room: new RoomMove(_program.AddRoom("Hall B").Id),
            Lineup: SpeakerLineup.Create([_program.AddSpeaker("Grace Hopper").Id])));

        changes.ShouldBe(SessionChangeKinds.Title | SessionChangeKinds.Room | SessionChangeKinds.Speakers);
    }

    [Fact]
    public void Reordering_speakers_or_editing_the_abstract_concerns_nobody()
    {
        var ada = _program.AddSpeaker("Ada Lovelace");
        var grace = _program.AddSpeaker("Grace Hopper");
        var session = _program.Schedule(Plan(At(9, 10), speakers: [ada, grace]));

        var changes = _program.Revise(session, new SessionRevision(Abstract: "Now with slides.", Lineup: SpeakerLineup.Create([grace.Id, ada.Id])));

        changes.ShouldBe(SessionChangeKinds.None);
        session.Lineup.Speakers.ShouldBe([grace.Id, ada.Id]);
        session.Abstract.ShouldBe("Now with slides.");
    }

    [Fact]
    public void Moving_out_of_a_room_keeps_the_capacity_it_had()
    {
        var session = _program.Schedule(Plan(At(9, 10), _program.AddRoom(capacity: 40)));

        _program.Revise(session, new SessionRevision(Room: new RoomMove(null))).ShouldBe(SessionChangeKinds.Room);

        session.RoomId.ShouldBeNull();
        session.Capacity.Seats.ShouldBe(40);
    }

    [Fact]
    public void Moving_into_a_smaller_room_needs_a_smaller_capacity()
    {
        var session = _program.Schedule(Plan(At(9, 10), _program.AddRoom("Hall A", capacity: 100)));
        var small = _program.AddRoom("Room 2", capacity: 20);

        Broken<SessionCapacityMustNotExceedRoomCapacityRule>(() => _program.Revise(session, new SessionRevision(Room: new RoomMove(small.Id))));
        _program.Revise(session, new SessionRevision(Room: new RoomMove(small.Id), Capacity: SessionCapacity.Create(20)));

        session.RoomId.ShouldBe(small.Id);
    }

    [Fact]
    public void A_cancelled_session_stays_as_it_was()
    {
        var session = _program.Schedule(Plan(At(9, 10)));
        session.Cancel(_program.Event, "Speaker ill", Now).ShouldBeTrue();

        Broken<CancelledSessionCannotChangeRule>(() => _program.Revise(session, new SessionRevision(Title: SessionTitle.Create("Back on"))));

        session.Status.ShouldBe(SessionStatus.Cancelled);
        session.CancellationReason.ShouldBe("Speaker ill");
    }

    [Fact]
    public void Cancelling_a_cancelled_session_changes_nothing()
    {
        var session = _program.Schedule(Plan(At(9, 10)));
        session.Cancel(_program.Event, "Speaker ill", Now);

        session.Cancel(_program.Event, "Again", Now.AddHours(1)).ShouldBeFalse();

        session.CancellationReason.ShouldBe("Speaker ill");
        session.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void The_sessions_of_a_cancelled_event_are_cancelled_with_it()
    {
        var session = _program.Schedule(Plan(At(9, 10)));
        _program.Becomes(EventStatus.Cancelled);

        session.CancelWithEvent(_program.Event, "The event was cancelled.", Now, ChangeNotice.None).ShouldBeTrue();

        session.Status.ShouldBe(SessionStatus.Cancelled);
        session.Cancel(_program.Event, "Once more", Now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(EventStatus.Published)]
    [InlineData(EventStatus.RegistrationsClosed)]
    [InlineData(EventStatus.Cancelled)]
    public void Once_published_a_session_is_cancelled_not_deleted(EventStatus status)
    {
        var session = _program.Schedule(Plan(At(9, 10)));
        _program.Becomes(status);

        Broken<SessionCanOnlyBeDeletedWhileEventIsDraftRule>(() => session.EnsureCanBeDeleted(_program.Event));
    }

    [Fact]
    public void A_draft_session_may_be_deleted() =>
        _program.Schedule(Plan(At(9, 10))).EnsureCanBeDeleted(_program.Event);
}
