using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;
using static EventPlatform.Tests.Program.Domain.InMemoryProgram;
using static EventPlatform.Tests.Program.Domain.RuleAssertions;

namespace EventPlatform.Tests.Program.Domain;

public sealed class SessionSchedulingRulesTests
{
    private readonly InMemoryProgram _program = new();

    [Fact]
    public void A_session_in_a_room_seats_the_room_capacity_unless_told_otherwise()
    {
        var room = _program.AddRoom(capacity: 80);
        var speaker = _program.AddSpeaker("Ada Lovelace");

        var session = _program.Schedule(Plan(At(9, 10), room, [speaker], title: " Engines "));

        session.IsScheduled.ShouldBeTrue();
        session.Title.Value.ShouldBe("Engines");
        session.Capacity.Seats.ShouldBe(80);
        session.RoomId.ShouldBe(room.Id);
        session.Lineup.Speakers.ShouldBe([speaker.Id]);
        session.EventId.ShouldBe(_program.Event.Id);
    }

    [Fact]
    public void A_session_without_a_room_is_unlimited_unless_told_otherwise() =>
        _program.Schedule(Plan(At(9, 10))).Capacity.IsUnlimited.ShouldBeTrue();

    [Fact]
    public void A_session_must_end_after_it_starts() =>
        BrokenField<SessionMustEndAfterItStartsRule>(() => At(10, 10), "end_time");

    [Theory]
    [InlineData(7, 9)]
    [InlineData(17, 19)]
    [InlineData(6, 7)]
    [InlineData(7.5, 18.5)]
    public void A_session_must_take_place_within_its_event_dates(double from, double to) =>
        Broken<SessionMustBeWithinEventDatesRule>(() => _program.Schedule(Plan(At(from, to))));

    [Fact]
    public void A_session_may_fill_its_event_from_first_to_last_minute() =>
        _program.Schedule(Plan(At(8, 18))).Slot.ShouldBe(TimeSlot.Create(EventStart, EventEnd));

    [Theory]
    [InlineData(9, 10)]
    [InlineData(9.5, 10.5)]
    [InlineData(8.5, 9.25)]
    [InlineData(9.25, 9.75)]
    [InlineData(8, 18)]
    public void Two_sessions_in_one_room_must_not_overlap(double from, double to)
    {
        var room = _program.AddRoom();
        _program.Schedule(Plan(At(9, 10), room, title: "Keynote"));

        var broken = Broken<SessionsInSameRoomMustNotOverlapRule>(() => _program.Schedule(Plan(At(from, to), room)));

        broken.Message.ShouldContain("Keynote");
    }

    [Fact]
    public void Back_to_back_sessions_share_a_room()
    {
        var room = _program.AddRoom();
        _program.Schedule(Plan(At(9, 10), room));

        _program.Schedule(Plan(At(10, 11), room));
        _program.Schedule(Plan(At(8, 9), room));

        _program.Scheduled.Count().ShouldBe(3);
    }

    [Fact]
    public void Sessions_in_different_rooms_may_overlap()
    {
        _program.Schedule(Plan(At(9, 10), _program.AddRoom("Hall A")));

        _program.Schedule(Plan(At(9, 10), _program.AddRoom("Hall B")));
    }

    [Fact]
    public void Sessions_without_a_room_never_collide_over_rooms()
    {
        _program.Schedule(Plan(At(9, 10)));

        _program.Schedule(Plan(At(9, 10)));
    }

    [Fact]
    public void A_cancelled_session_frees_its_room()
    {
        var room = _program.AddRoom();
        var first = _program.Schedule(Plan(At(9, 10), room));
        first.Cancel(_program.Event, "Speaker ill", Now);

        _program.Schedule(Plan(At(9, 10), room)).IsScheduled.ShouldBeTrue();
    }

    [Fact]
    public void A_speaker_is_never_in_two_overlapping_sessions()
    {
        var ada = _program.AddSpeaker("Ada Lovelace");
        _program.Schedule(Plan(At(9, 10), _program.AddRoom("Hall A"), [ada], title: "Engines"));

        var broken = Broken<SpeakersMustNotBeInOverlappingSessionsRule>(
            () => _program.Schedule(Plan(At(9.5, 10.5), _program.AddRoom("Hall B"), [_program.AddSpeaker("Grace Hopper"), ada])));

        broken.Message.ShouldContain("Engines");
    }

    [Fact]
    public void A_speaker_may_speak_back_to_back_and_after_a_cancelled_session()
    {
        var ada = _program.AddSpeaker("Ada Lovelace");
        _program.Schedule(Plan(At(9, 10), speakers: [ada]));
        _program.Schedule(Plan(At(11, 12), speakers: [ada])).Cancel(_program.Event, null, Now);

        _program.Schedule(Plan(At(10, 11), speakers: [ada]));
        _program.Schedule(Plan(At(11, 12), speakers: [ada]));
    }

    [Fact]
    public void A_speaker_is_never_in_two_overlapping_sessions_even_of_two_events()
    {
        var ada = _program.AddSpeaker("Ada Lovelace");
        _program.Schedule(Plan(At(9, 10), speakers: [ada]));
        var otherEvent = NewEvent();
        var booked = _program.Scheduled.Select(BookedSession.Of).ToList();

        Broken<SpeakersMustNotBeInOverlappingSessionsRule>(() => Session.Schedule(
            SessionId.New(), Plan(At(9, 10), speakers: [ada]), new ScheduleContext(otherEvent, null, [ada], booked), Now));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    public void A_session_in_a_room_seats_at_most_the_room_capacity_and_is_never_unlimited(int seats) =>
        Broken<SessionCapacityMustNotExceedRoomCapacityRule>(() => _program.Schedule(Plan(At(9, 10), _program.AddRoom(capacity: 100), capacity: seats)));

    [Fact]
    public void A_session_may_seat_fewer_than_its_room() =>
        _program.Schedule(Plan(At(9, 10), _program.AddRoom(capacity: 100), capacity: 30)).Capacity.Seats.ShouldBe(30);

    [Fact]
    public void A_session_capacity_is_not_negative() =>
        BrokenField<SessionCapacityMustNotBeNegativeRule>(() => SessionCapacity.Create(-1), "capacity");

    [Fact]
    public void A_session_is_held_in_a_room_of_its_own_event()
    {
        var elsewhere = _program.AddRoom("Other venue", of: NewEvent());

        Broken<RoomMustBelongToTheEventRule>(() => _program.Schedule(Plan(At(9, 10), elsewhere)));
    }

    [Fact]
    public void Speakers_appear_only_in_their_organizer_events() =>
        Broken<SpeakersMustBelongToTheEventOrganizerRule>(
            () => _program.Schedule(Plan(At(9, 10), speakers: [_program.AddSpeaker("Stranger", organizerId: "organizer-2")])));

    [Theory]
    [InlineData(EventStatus.Cancelled)]
    [InlineData(EventStatus.Completed)]
    public void The_program_of_a_cancelled_or_completed_event_no_longer_changes(EventStatus status)
    {
        var room = _program.AddRoom();
        var session = _program.Schedule(Plan(At(9, 10), room));
        _program.Becomes(status);

        Broken<ProgramOfCancelledOrCompletedEventCannotChangeRule>(() => _program.Schedule(Plan(At(11, 12))));
        Broken<ProgramOfCancelledOrCompletedEventCannotChangeRule>(() => _program.Revise(session, new SessionRevision(Title: SessionTitle.Create("New"))));
        Broken<ProgramOfCancelledOrCompletedEventCannotChangeRule>(() => session.Cancel(_program.Event, null, Now));
        Broken<ProgramOfCancelledOrCompletedEventCannotChangeRule>(() => _program.AddRoom("Late room"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_session_needs_a_title(string title) =>
        BrokenField<SessionTitleMustBeGivenRule>(() => SessionTitle.Create(title), "title");

    [Fact]
    public void A_speaker_is_listed_once_per_session()
    {
        var ada = _program.AddSpeaker("Ada Lovelace");

        BrokenField<SpeakersMustBeListedOnceRule>(() => SpeakerLineup.Create([ada.Id, ada.Id]), "speaker_ids");
    }

    [Fact]
    public void A_session_has_at_most_twenty_speakers() =>
        BrokenField<SessionSpeakersMustBeFewRule>(
            () => SpeakerLineup.Create(Enumerable.Range(0, 21).Select(_ => EventPlatform.Program.Domain.Speakers.SpeakerId.New())), "speaker_ids");

    [Fact]
    public void Texts_are_bounded()
    {
        BrokenField<SessionAbstractMustFitRule>(() => SessionText.Abstract(new string('x', SessionText.MaxAbstractLength + 1)), "abstract");
        BrokenField<TrackNameMustFitRule>(() => SessionText.Track(new string('x', SessionText.MaxTrackLength + 1)), "track");
        BrokenField<CancellationReasonMustFitRule>(
            () => SessionText.CancellationReason(new string('x', SessionText.MaxCancellationReasonLength + 1)), "reason");
    }
}
