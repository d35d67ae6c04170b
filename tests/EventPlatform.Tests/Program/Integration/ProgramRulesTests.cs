using System.Net;
using Grpc.Core;
using static EventPlatform.Tests.Program.Integration.Organizer;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>Every broken rule reads the same to a gRPC caller (FAILED_PRECONDITION + its name) and a JSON one (400).</summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class ProgramRulesTests(ProgramSystem system)
{
    public static TheoryData<string> Rules =>
    [
        "SessionMustBeWithinEventDates",
        "SessionsInSameRoomMustNotOverlap",
        "SpeakersMustNotBeInOverlappingSessions",
        "SessionCapacityMustNotExceedRoomCapacity",
        "RoomMustBelongToTheEvent",
        "SpeakersMustBelongToTheEventOrganizer",
        "CancelledSessionCannotChange",
        "SessionCanOnlyBeDeletedWhileEventIsDraft",
        "ProgramOfCancelledOrCompletedEventCannotChange",
        "RoomCapacityMustHoldItsSessions",
        "RoomWithScheduledSessionsCannotBeDeleted",
        "SpeakerWithScheduledSessionsCannotBeDeleted",
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_broken_rule_is_failed_precondition_over_grpc_and_400_through_the_bff_naming_the_rule(string rule)
    {
        var breach = await Breaches.PrepareAsync(system, rule);

        var failure = await breach.ViaGrpc();
        using var response = await breach.ViaBffAsync(system);

        failure.StatusCode.ShouldBe(StatusCode.FailedPrecondition, failure.Status.Detail);
        failure.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason.ShouldBe(rule);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain($"\"reason\":\"{rule}\"", Case.Sensitive, body);
    }

    [Fact]
    public async Task Without_a_token_a_change_is_unauthenticated()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();

        await ExpectAsync(Breaches.CreateSession(alice, Session(e.Id, 9, 10), anonymous: true), StatusCode.Unauthenticated, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_event_organizer_changes_its_program()
    {
        var alice = await system.NewOrganizerAsync();
        var bob = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();

        await ExpectAsync(Breaches.CreateSession(alice, Session(e.Id, 9, 10), token: bob.Token), StatusCode.PermissionDenied, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_may_change_any_program()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();

        var session = await system.Program.CreateSessionAsync(
            Session(e.Id, 9, 10), Bearer(system.Token("the-admin", ServiceDefaults.Identity.CallerRole.Admin)));

        session.EventId.ShouldBe(e.Id);
    }

    [Fact]
    public async Task An_unknown_event_room_or_speaker_is_not_found()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();

        await ExpectAsync(Breaches.CreateSession(alice, Session(Guid.NewGuid().ToString(), 9, 10)), StatusCode.NotFound, HttpStatusCode.NotFound);
        await ExpectAsync(Breaches.CreateSession(alice, Session(e.Id, 9, 10, Guid.NewGuid().ToString())), StatusCode.NotFound, HttpStatusCode.NotFound);
        await ExpectAsync(
            Breaches.CreateSession(alice, Session(e.Id, 9, 10, speakerIds: [Guid.NewGuid().ToString()])), StatusCode.NotFound, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_names_every_offending_field_at_once_and_stores_nothing()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var request = Session(e.Id, 10, 9, roomId: "not-a-room", speakerIds: ["not-a-speaker"], title: " ");
        request.RequestId = "";
        request.Capacity = -1;

        var fields = await alice.Program.CreateSessionAsync(request, alice.Headers).ShouldBeBadInputAsync();
        using var response = await Breaches.CreateSession(alice, request).ViaBffAsync(system);

        fields.ShouldBe(["request_id", "title", "room_id", "end_time", "speaker_ids[0]", "capacity"], ignoreOrder: true);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await system.Program.ListSessionsAsync(new() { EventId = e.Id }, alice.Headers)).Sessions.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_request_id_twice_schedules_one_session()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var room = await alice.CreateRoomAsync(e.Id);
        var request = Session(e.Id, 9, 10, room.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => alice.Program.CreateSessionAsync(request, alice.Headers).ResponseAsync));

        results.Select(r => r.Id).Distinct().Count().ShouldBe(1);
        (await system.Program.ListSessionsAsync(new() { EventId = e.Id }, alice.Headers)).Sessions.Count.ShouldBe(1);
    }

    private async Task ExpectAsync(Breach breach, StatusCode grpc, HttpStatusCode http)
    {
        var failure = await breach.ViaGrpc();
        using var response = await breach.ViaBffAsync(system);

        failure.StatusCode.ShouldBe(grpc, failure.Status.Detail);
        response.StatusCode.ShouldBe(http, await response.Content.ReadAsStringAsync());
    }
}
