using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Registrations.RegistrationDriver;
using ProgramApi = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Tests.Registrations;

/// <summary>Confirmed attendees choose sessions through gRPC and the BFF; a session's capacity is respected.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class SessionChoiceApiTests(WholeSystemFixture system)
{
    private readonly RegistrationDriver _driver = new(system);

    private CatalogDriver Catalog => _driver.Catalog;

    private RegistrationService.RegistrationServiceClient Registrations => _driver.Registrations;

    private ProgramApi.ProgramService.ProgramServiceClient Program => new(system.GrpcChannel("program"));

    [Fact]
    public async Task A_full_session_refuses_the_next_attendee_until_a_seat_is_freed()
    {
        var (organizer, published) = await Catalog.NewPublishedAsync();
        var small = await SessionAsync(organizer, published.Id, "Small workshop", hour: 10, capacity: 1);
        var open = await SessionAsync(organizer, published.Id, "Open talk", hour: 11, capacity: null);
        var (first, firstHeaders) = await RegisterAsync(published.Id);
        var (second, secondHeaders) = await RegisterAsync(published.Id);

        var chosen = await Registrations.ChooseSessionsAsync(Choose(first.Id, small.Id, open.Id), firstHeaders);
        var full = await Should.ThrowAsync<RpcException>(() => Registrations.ChooseSessionsAsync(Choose(second.Id, small.Id, open.Id), secondHeaders).ResponseAsync);
        var unchanged = await Registrations.GetRegistrationAsync(new GetRegistrationRequest { Id = second.Id }, secondHeaders);
        var whileFull = await Registrations.GetEventAvailabilityAsync(new GetEventAvailabilityRequest { EventId = published.Id });
        await Registrations.CancelRegistrationAsync(new CancelRegistrationRequest { Id = first.Id }, firstHeaders);
        var afterCancellation = await Registrations.ChooseSessionsAsync(Choose(second.Id, small.Id), secondHeaders);
        var attendees = await _driver.Internal.ListConfirmedAttendeesAsync(new ListConfirmedAttendeesRequest { EventId = published.Id, SessionIds = { small.Id } }, _driver.AsService("notification"));

        chosen.SessionIds.ShouldBe([small.Id, open.Id], ignoreOrder: true);
        full.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        full.Reason().ShouldBe("SessionMustHaveFreeSeat");
        unchanged.SessionIds.ShouldBeEmpty();
        whileFull.Sessions.Single(s => s.SessionId == small.Id).ShouldBe(new SessionAvailability { SessionId = small.Id, Capacity = 1, ChosenCount = 1, RemainingSeats = 0 });
        whileFull.Sessions.Single(s => s.SessionId == open.Id).ShouldBe(new SessionAvailability { SessionId = open.Id, Capacity = 0, ChosenCount = 1, RemainingSeats = 0 });
        afterCancellation.SessionIds.ShouldBe([small.Id]);
        attendees.Attendees.Select(a => a.RegistrationId).ShouldBe([second.Id]);
    }

    [Fact]
    public async Task Sessions_asked_for_when_registering_are_held_once_confirmed_and_bad_choices_are_named()
    {
        var (organizer, published) = await Catalog.NewPublishedAsync();
        var talk = await SessionAsync(organizer, published.Id, "Talk", hour: 10, capacity: 5);
        var clash = await SessionAsync(organizer, published.Id, "Clashing talk", hour: 10, capacity: 5);
        var keynote = await SessionAsync(organizer, published.Id, "Keynote", hour: 9, capacity: null, plenary: true);
        var headers = _driver.NewAttendee();

        var refused = await Should.ThrowAsync<RpcException>(() => Registrations.RegisterAsync(
            Request(published.Id, keynote.Id, talk.Id, clash.Id, Guid.NewGuid().ToString(), "nope"), headers).ResponseAsync);
        var registered = await Registrations.RegisterAsync(Request(published.Id, talk.Id), headers);
        var availability = await Registrations.GetEventAvailabilityAsync(new GetEventAvailabilityRequest { EventId = published.Id });

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldContain("session_ids[4]");
        var violations = refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations;
        violations.Select(v => v.Field).ShouldContain("session_ids[4]");
        registered.Status.ShouldBe(RegistrationStatus.Confirmed);
        registered.SessionIds.ShouldBe([talk.Id]);
        availability.Sessions.Select(s => s.SessionId).ShouldBe([talk.Id, clash.Id], ignoreOrder: true);
        availability.Sessions.Single(s => s.SessionId == talk.Id).ChosenCount.ShouldBe(1);

        var wrong = await Should.ThrowAsync<RpcException>(() => Registrations.RegisterAsync(
            Request(published.Id, keynote.Id, talk.Id, clash.Id, Guid.NewGuid().ToString()),
            _driver.NewAttendee()).ResponseAsync);
        wrong.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        wrong.Status.Detail.ShouldContain("ChosenSessionsMustBelongToEvent");
        wrong.Status.Detail.ShouldContain("PlenarySessionsAreNotChosen");
        wrong.Status.Detail.ShouldContain("ChosenSessionsMustNotOverlap");
    }

    [Fact]
    public async Task Only_the_attendee_of_a_confirmed_registration_chooses_and_the_bff_speaks_json()
    {
        var (organizer, published) = await Catalog.NewPublishedAsync();
        var talk = await SessionAsync(organizer, published.Id, "Talk", hour: 10, capacity: 5);
        var subject = $"a-{Guid.NewGuid():N}";
        var (mine, _) = await RegisterAsync(published.Id, subject);
        using var bff = Catalog.BffAs(Catalog.TokenFor(subject, CallerRole.Attendee));
        using var stranger = Catalog.BffAs(Catalog.TokenFor("stranger", CallerRole.Attendee));

        var chosen = await bff.PutAsJsonAsync($"/registrations/{mine.Id}/sessions", new { sessionIds = new[] { talk.Id } });
        var notTheirs = await stranger.PutAsJsonAsync($"/registrations/{mine.Id}/sessions", new { sessionIds = new[] { talk.Id } });
        var bad = await bff.PutAsJsonAsync($"/registrations/{mine.Id}/sessions", new { sessionIds = new[] { "not-a-session" } });
        await bff.PostAsJsonAsync($"/registrations/{mine.Id}/cancel", new { });
        var cancelled = await bff.PutAsJsonAsync($"/registrations/{mine.Id}/sessions", new { sessionIds = new[] { talk.Id } });

        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionIds")[0].GetString().ShouldBe(talk.Id);
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cancelled.Content.ReadAsStringAsync()).ShouldContain("RegistrationMustBeConfirmedToChooseSessions");
    }

    private async Task<ProgramApi.Session> SessionAsync(
        string organizerToken, string eventId, string title, int hour, int? capacity, bool plenary = false)
    {
        var request = new ProgramApi.CreateSessionRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            EventId = eventId,
            Title = title,
            StartTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(hour - NextYear.Hour)),
            EndTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(hour + 1 - NextYear.Hour)),
            Plenary = plenary,
        };
        if (capacity is { } seats)
        {
            request.Capacity = seats;
        }

        return await Program.CreateSessionAsync(request, Bearer(organizerToken));
    }

    private Task<(Registration Registration, Metadata Headers)> RegisterAsync(string eventId, string? subject = null) =>
        _driver.RegisterAsync(eventId, subject);

    private static ChooseSessionsRequest Choose(string id, params string[] sessionIds) => new() { Id = id, SessionIds = { sessionIds } };
}
