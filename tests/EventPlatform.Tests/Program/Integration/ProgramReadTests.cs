using System.Net;
using System.Text.Json;
using EventPlatform.Contracts.Program.V1;
using Grpc.Core;
using Ical.Net;
using static EventPlatform.Tests.Program.Integration.Organizer;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>An event's program read in one call, as a calendar file, and page by page.</summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class ProgramReadTests(ProgramSystem system)
{
    [Fact]
    public async Task The_whole_program_comes_in_one_call_in_start_order_with_its_rooms_speakers_and_tracks()
    {
        var (alice, e, sessions) = await PublishedProgramAsync();

        var program = await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id });

        program.EventId.ShouldBe(e.Id);
        program.TimeZone.ShouldBe("Europe/Paris");
        program.Sessions.Select(s => s.Title).ShouldBe(["Opening", "Engines", "Compilers", "Closing"]);
        program.Rooms.Select(r => r.Name).ShouldBe(["Hall A", "Hall B"]);
        program.Speakers.Select(s => s.Name).ShouldBe(["Ada Lovelace", "Grace Hopper"]);
        program.Tracks.ShouldBe(["Plenary", "Backend"]);
        program.UpdateTime.ShouldNotBeNull();
        program.Speakers.ShouldAllBe(s => s.Email == "", "anonymous readers never see speakers' emails");
        (await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id }, alice.Headers)).Speakers
            .ShouldAllBe(s => s.Email == "speaker@example.org");

        await system.Program.CancelSessionAsync(new CancelSessionRequest { Id = sessions["Compilers"].Id }, alice.Headers);
        (await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id })).Sessions.Select(s => s.Title)
            .ShouldBe(["Opening", "Engines", "Closing"]);
        (await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id, IncludeCancelled = true })).Sessions
            .Single(s => s.Title == "Compilers").Status.ShouldBe(SessionStatus.Cancelled);
    }

    [Fact]
    public async Task The_program_of_a_draft_is_seen_only_by_its_organizer()
    {
        var alice = await system.NewOrganizerAsync();
        var bob = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10));

        (await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id }, alice.Headers)).Sessions.Count.ShouldBe(1);
        await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id }).ShouldFailAsync(StatusCode.NotFound);
        await system.Program.GetProgramAsync(new GetProgramRequest { EventId = e.Id }, bob.Headers).ShouldFailAsync(StatusCode.NotFound);
        await system.Program.GetSessionAsync(new GetSessionRequest { Id = session.Id }).ShouldFailAsync(StatusCode.NotFound);

        await alice.PublishAsync(e);

        (await system.Program.GetSessionAsync(new GetSessionRequest { Id = session.Id })).Id.ShouldBe(session.Id);
    }

    [Fact]
    public async Task The_program_as_an_ics_file_opens_in_a_calendar_with_one_entry_per_session()
    {
        var (_, e, sessions) = await PublishedProgramAsync();

        var body = await system.Program.GetProgramCalendarAsync(new GetProgramCalendarRequest { EventId = e.Id });

        body.ContentType.ShouldStartWith("text/calendar");
        var calendar = Calendar.Load(body.Data.ToStringUtf8())!;
        calendar.Events.Count.ShouldBe(4);
        var engines = calendar.Events.Single(v => v.Summary == "Engines");
        engines.Uid.ShouldBe($"{sessions["Engines"].Id}@program.eventplatform");
        engines.DtStart!.AsUtc.ShouldBe(At(10).UtcDateTime);
        engines.DtEnd!.AsUtc.ShouldBe(At(11).UtcDateTime);
        engines.Location.ShouldBe("Hall A");
        engines.Description!.ShouldContain("Ada Lovelace");
        engines.Categories.ShouldBe(["Backend"]);
        engines.Status.ShouldBe("CONFIRMED");
    }

    [Fact]
    public async Task An_attendee_calendar_holds_only_the_sessions_they_chose_and_shows_a_cancellation()
    {
        var (alice, e, sessions) = await PublishedProgramAsync();
        await system.Program.CancelSessionAsync(new CancelSessionRequest { Id = sessions["Compilers"].Id }, alice.Headers);
        using var http = system.Bff();

        using var response = await http.GetAsync(
            $"/events/{e.Id}/program.ics?sessionIds={sessions["Engines"].Id}&sessionIds={sessions["Compilers"].Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        calendar.Events.Select(v => (v.Summary, v.Status)).ShouldBe([("Engines", "CONFIRMED"), ("Compilers", "CANCELLED")], ignoreOrder: true);
    }

    [Fact]
    public async Task Sessions_are_listed_page_by_page_in_start_order_with_filters()
    {
        var (alice, e, sessions) = await PublishedProgramAsync();

        var pages = new List<ListSessionsResponse>();
        var token = "";
        do
        {
            var page = await system.Program.ListSessionsAsync(new ListSessionsRequest { EventId = e.Id, PageSize = 3, PageToken = token });
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token != "");

        pages.Select(p => p.Sessions.Count).ShouldBe([3, 1]);
        // Sessions starting together come in the order they were scheduled (the program page orders them by room).
        pages.SelectMany(p => p.Sessions).Select(s => s.Title).ShouldBe(["Opening", "Compilers", "Engines", "Closing"]);
        var hallA = sessions["Engines"].RoomId;
        (await system.Program.ListSessionsAsync(new ListSessionsRequest { EventId = e.Id, RoomId = hallA })).Sessions.Select(s => s.Title)
            .ShouldBe(["Opening", "Engines"]);
        var grace = sessions["Compilers"].SpeakerIds.Single();
        (await system.Program.ListSessionsAsync(new ListSessionsRequest { EventId = e.Id, SpeakerId = grace })).Sessions.Select(s => s.Title)
            .ShouldBe(["Compilers", "Closing"]);
        (await system.Program.ListSessionsAsync(new ListSessionsRequest { EventId = e.Id, Track = "Plenary" })).Sessions.Select(s => s.Title)
            .ShouldBe(["Opening", "Closing"]);
        await system.Program.ListSessionsAsync(new ListSessionsRequest { EventId = e.Id, PageToken = "garbage" }).ShouldBeBadInputAsync();
    }

    [Fact]
    public async Task Rooms_and_speakers_are_listed_page_by_page()
    {
        var (alice, e, _) = await PublishedProgramAsync();
        await alice.CreateSpeakerAsync("Barbara Liskov");

        var rooms = await system.Program.ListRoomsAsync(new ListRoomsRequest { EventId = e.Id, PageSize = 1 });
        var moreRooms = await system.Program.ListRoomsAsync(new ListRoomsRequest { EventId = e.Id, PageSize = 1, PageToken = rooms.NextPageToken });
        var speakers = await system.Program.ListSpeakersAsync(new ListSpeakersRequest { OrganizerId = alice.OrganizerId, PageSize = 2 });
        var moreSpeakers = await system.Program.ListSpeakersAsync(
            new ListSpeakersRequest { OrganizerId = alice.OrganizerId, PageSize = 2, PageToken = speakers.NextPageToken });
        var found = await system.Program.ListSpeakersAsync(new ListSpeakersRequest { OrganizerId = alice.OrganizerId, Query = "hop" });
        var ofEvent = await system.Program.ListEventSpeakersAsync(new ListEventSpeakersRequest { EventId = e.Id });

        rooms.Rooms.Concat(moreRooms.Rooms).Select(r => r.Name).ShouldBe(["Hall A", "Hall B"]);
        speakers.Speakers.Concat(moreSpeakers.Speakers).Select(s => s.Name).ShouldBe(["Ada Lovelace", "Barbara Liskov", "Grace Hopper"]);
        moreSpeakers.NextPageToken.ShouldBeEmpty();
        found.Speakers.Select(s => s.Name).ShouldBe(["Grace Hopper"]);
        ofEvent.Speakers.Select(s => s.Name).ShouldBe(["Ada Lovelace", "Grace Hopper"]);
    }

    [Fact]
    public async Task The_program_reads_as_json_through_the_bff()
    {
        var (alice, e, _) = await PublishedProgramAsync();
        using var http = system.Bff();

        using var program = await http.GetAsync($"/events/{e.Id}/program");
        using var page = await http.GetAsync($"/events/{e.Id}/sessions?pageSize=2");

        program.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await program.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ShouldBe(["Opening", "Engines", "Compilers", "Closing"]);
        json.GetProperty("timeZone").GetString().ShouldBe("Europe/Paris");
        var sessions = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
        sessions.GetProperty("sessions").GetArrayLength().ShouldBe(2);
        sessions.GetProperty("nextPageToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_session_is_created_and_moved_as_json_through_the_bff()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        using var http = system.Bff(alice.Token);

        using var created = await http.PostAsync(
            $"/events/{e.Id}/sessions",
            Json(new { requestId = Guid.NewGuid().ToString(), title = "Engines", startTime = "2027-03-10T09:00:00Z", endTime = "2027-03-10T10:00:00Z" }));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var moved = await http.PatchAsync($"/sessions/{id}", Json(new { startTime = "2027-03-10T11:00:00Z", endTime = "2027-03-10T12:00:00Z" }));

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await system.Program.GetSessionAsync(new GetSessionRequest { Id = id }, alice.Headers)).StartTime.ToDateTimeOffset().ShouldBe(At(11));
    }

    [Fact]
    public async Task Other_services_read_sessions_by_id_and_whole_programs_whatever_their_status()
    {
        var (alice, e, sessions) = await PublishedProgramAsync();
        await system.Program.CancelSessionAsync(new CancelSessionRequest { Id = sessions["Closing"].Id }, alice.Headers);

        var byId = await system.ProgramInternal.BatchGetSessionsAsync(
            new BatchGetSessionsRequest { Ids = { sessions["Engines"].Id, sessions["Closing"].Id, Guid.NewGuid().ToString() } });
        var whole = await system.ProgramInternal.ListSessionsOfEventAsync(new ListSessionsOfEventRequest { EventId = e.Id, IncludeCancelled = true });

        byId.Sessions.Select(s => s.Title).ShouldBe(["Engines", "Closing"], ignoreOrder: true);
        whole.Sessions.Count.ShouldBe(4);
        whole.Rooms.Select(r => r.Name).ShouldBe(["Hall A", "Hall B"]);
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// A published event: Opening (plenary, Hall A, 08:30), Engines (Ada, Hall A, 10:00), Compilers (Grace, Hall B,
    /// 10:00) and Closing (plenary, Grace, no room, 17:00).
    /// </summary>
    private async Task<(Organizer Alice, EventPlatform.Contracts.Catalog.V1.Event Event, Dictionary<string, Session> Sessions)> PublishedProgramAsync()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var hallA = await alice.CreateRoomAsync(e.Id, "Hall A");
        var hallB = await alice.CreateRoomAsync(e.Id, "Hall B");
        var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
        var grace = await alice.CreateSpeakerAsync("Grace Hopper");
        var sessions = new Dictionary<string, Session>();
        foreach (var (request, track, plenary) in new[]
        {
            (Session(e.Id, 17, 18, speakerIds: [grace.Id], title: "Closing"), "Plenary", true),
            (Session(e.Id, 10, 11, hallB.Id, [grace.Id], "Compilers"), "Backend", false),
            (Session(e.Id, 10, 11, hallA.Id, [ada.Id], "Engines"), "Backend", false),
            (Session(e.Id, 8.5, 9.5, hallA.Id, title: "Opening"), "Plenary", true),
        })
        {
            request.Track = track;
            request.Plenary = plenary;
            sessions[request.Title] = await alice.ScheduleAsync(request);
        }

        return (alice, await alice.PublishAsync(e), sessions);
    }
}
