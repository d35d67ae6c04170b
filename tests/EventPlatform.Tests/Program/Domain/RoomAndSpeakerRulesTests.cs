using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using static EventPlatform.Tests.Program.Domain.InMemoryProgram;
using static EventPlatform.Tests.Program.Domain.RuleAssertions;
using EventPlatform.Program.Grpc;

namespace EventPlatform.Tests.Program.Domain;

public sealed class RoomAndSpeakerRulesTests
{
    private readonly InMemoryProgram _program = new();

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(RoomCapacity.Max + 1)]
    public void A_room_has_at_least_one_seat(int seats) =>
        BrokenField<RoomCapacityMustBePositiveRule>(() => RoomCapacity.Create(seats), "capacity");

    [Fact]
    public void A_room_needs_a_name() => BrokenField<RoomNameMustBeGivenRule>(() => RoomName.Create(" "), "name");

    [Fact]
    public void A_room_never_shrinks_below_a_session_it_holds()
    {
        var room = _program.AddRoom(capacity: 100);

        Broken<RoomCapacityMustHoldItsSessionsRule>(() => room.Revise(_program.Event, null, RoomCapacity.Create(59), largestSessionCapacity: 60, Now));
        room.Revise(_program.Event, null, RoomCapacity.Create(60), largestSessionCapacity: 60, Now).ShouldBeFalse();

        room.Capacity.Seats.ShouldBe(60);
    }

    [Fact]
    public void Renaming_a_room_is_what_attendees_notice()
    {
        var room = _program.AddRoom("Hall A");

        room.Revise(_program.Event, RoomName.Create("Amphitheatre"), null, 0, Now).ShouldBeTrue();
        room.Revise(_program.Event, RoomName.Create("Amphitheatre"), null, 0, Now).ShouldBeFalse();
    }

    [Fact]
    public void A_room_with_scheduled_sessions_cannot_be_deleted()
    {
        var room = _program.AddRoom();

        Broken<RoomWithScheduledSessionsCannotBeDeletedRule>(() => room.EnsureCanBeDeleted(scheduledSessions: 2));
        room.EnsureCanBeDeleted(scheduledSessions: 0);
    }

    [Fact]
    public void A_speaker_profile_reports_every_bad_field_at_once()
    {
        var failure = Should.Throw<InvalidInputException>(() =>
            SpeakerProfile.Create("", new string('x', SpeakerProfile.MaxBioLength + 1), "not-an-email", "ftp://example.org/me.png", ""));

        failure.Violations.Select(v => ProgramFields.Names.ToContract(v.Field)).ShouldBe(["name", "bio", "email", "photo_url"], ignoreOrder: true);
    }

    [Fact]
    public void A_speaker_email_and_photo_are_optional_but_well_formed_when_given()
    {
        var profile = SpeakerProfile.Create(" Ada Lovelace ", "Mathematician", " ada@example.org ", "https://example.org/ada.png", "Analytical Society");

        profile.Name.ShouldBe("Ada Lovelace");
        profile.Email.ShouldBe("ada@example.org");
        SpeakerProfile.Create("Grace", "", " ", "", "").Email.ShouldBeNull();
        BrokenField<SpeakerEmailMustBeAnAddressRule>(() => SpeakerProfile.Create("Grace", "", "grace@", null, ""), "email");
    }

    [Fact]
    public void Renaming_a_speaker_is_what_attendees_notice()
    {
        var speaker = _program.AddSpeaker("Ada");

        speaker.Revise(SpeakerProfile.Create("Ada", "New bio", null, null, ""), Now).ShouldBeFalse();
        speaker.Revise(SpeakerProfile.Create("Ada Lovelace", "New bio", null, null, ""), Now).ShouldBeTrue();
        speaker.Revise(SpeakerProfile.Create("Ada Lovelace", "New bio", null, null, ""), Now).ShouldBeFalse();
    }

    [Fact]
    public void A_speaker_in_scheduled_sessions_cannot_be_deleted()
    {
        var speaker = _program.AddSpeaker("Ada");

        Broken<SpeakerWithScheduledSessionsCannotBeDeletedRule>(() => speaker.EnsureCanBeDeleted(scheduledSessions: 1));
        speaker.EnsureCanBeDeleted(scheduledSessions: 0);
    }

    [Fact]
    public void Rules_reported_by_the_database_read_as_the_domain_rules() =>
        new IBusinessRule[]
        {
            SessionsInSameRoomMustNotOverlapRule.ReportedByDatabase(),
            SpeakersMustNotBeInOverlappingSessionsRule.ReportedByDatabase(),
            SessionCapacityMustNotExceedRoomCapacityRule.ReportedByDatabase(),
            RoomCapacityMustHoldItsSessionsRule.ReportedByDatabase(),
            RoomWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase(),
            SpeakerWithScheduledSessionsCannotBeDeletedRule.ReportedByDatabase(),
        }.ShouldAllBe(rule => rule.IsBroken() && !rule.Name.EndsWith("Rule", StringComparison.Ordinal) && rule.Message.Length > 0);
}
