using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Tests.Infrastructure;
using Google.Protobuf;
using Calendar = Ical.Net.Calendar;
using StackExchange.Redis;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.Catalog;

[Collection(WholeSystemCollection.Name)]
public sealed class CatalogListingTests(WholeSystemFixture system)
{
    private CatalogDriver Catalog => new(system.App, system.GrpcChannel("catalog"));

    [Fact]
    public async Task Pages_of_events_come_in_start_order_each_event_once()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var starts = new[] { 5, 1, 4, 2, 3 }.Select(days => NextYear.AddDays(days)).ToList();
        foreach (var start in starts)
        {
            var created = await Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, $"Day {start:dd}", start), Bearer(token));
            await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = created.Id }, Bearer(token));
        }

        var seen = new List<Event>();
        var pages = 0;
        var request = new ListEventsRequest { OrganizerId = organizer.Id, PageSize = 2 };
        do
        {
            var page = await Catalog.Client.ListEventsAsync(request);
            seen.AddRange(page.Events);
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken != "");

        pages.ShouldBe(3);
        seen.Select(e => e.StartTime.ToDateTimeOffset()).ShouldBe(starts.Order());
        seen.Select(e => e.Id).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task Events_page_as_json_through_the_bff_and_each_reads_back_by_id()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        for (var day = 1; day <= 3; day++)
        {
            var created = await Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, $"Json day {day}", NextYear.AddDays(day)), Bearer(token));
            await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = created.Id }, Bearer(token));
        }

        using var http = Catalog.BffAs(null);
        var titles = new List<string>();
        var pageToken = "";
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/events?organizerId={organizer.Id}&pageSize=2&pageToken={Uri.EscapeDataString(pageToken)}");
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                var one = await http.GetFromJsonAsync<JsonElement>($"/events/{e.GetProperty("id").GetString()}");
                titles.Add(one.GetProperty("title").GetString()!);
            }

            pageToken = page.GetProperty("nextPageToken").GetString()!;
        }
        while (pageToken != "");

        titles.ShouldBe(["Json day 1", "Json day 2", "Json day 3"]);
    }

    [Fact]
    public async Task Events_are_filtered_by_status_words_and_time_and_drafts_stay_private()
    {
        var (token, organizer) = await Catalog.NewOrganizerAsync();
        var word = "kayak" + Guid.NewGuid().ToString("N")[..6];
        var draft = await Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, $"Draft {word}"), Bearer(token));
        var past = await Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, "Old times", DateTimeOffset.UtcNow.AddYears(-1)), Bearer(token));
        var published = await Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, $"Published {word} meetup"), Bearer(token));
        await Catalog.Client.PublishEventAsync(new PublishEventRequest { Id = published.Id }, Bearer(token));

        var anonymous = await Catalog.Client.ListEventsAsync(new ListEventsRequest { OrganizerId = organizer.Id });
        var byWord = await Catalog.Client.ListEventsAsync(new ListEventsRequest { Query = word }, Bearer(token));
        var drafts = await Catalog.Client.ListEventsAsync(new ListEventsRequest { OrganizerId = organizer.Id, Status = EventStatus.Draft }, Bearer(token));
        var upcoming = await Catalog.Client.ListEventsAsync(new ListEventsRequest { OrganizerId = organizer.Id, UpcomingOnly = true }, Bearer(token));

        anonymous.Events.Select(e => e.Id).ShouldBe([published.Id]);
        byWord.Events.Select(e => e.Id).ShouldBe([draft.Id, published.Id], ignoreOrder: true);
        drafts.Events.Select(e => e.Id).ShouldBe([past.Id, draft.Id], ignoreOrder: true);
        upcoming.Events.Select(e => e.Id).ShouldNotContain(past.Id);
    }

    [Fact]
    public async Task A_page_token_not_from_an_answer_is_bad_input()
    {
        var failure = await Should.ThrowAsync<Grpc.Core.RpcException>(
            Catalog.Client.ListEventsAsync(new ListEventsRequest { PageToken = "not-a-token" }).ResponseAsync);

        failure.StatusCode.ShouldBe(Grpc.Core.StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task An_events_calendar_file_is_valid_rfc_5545_with_its_title_and_times()
    {
        var (_, published) = await Catalog.NewPublishedAsync("Calendar day");
        using var http = Catalog.BffAs(null);

        using var response = await http.GetAsync($"/events/{published.Id}/calendar.ics");
        var ics = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Calendar.Load(ics)!;
        var entry = calendar.Events.ShouldHaveSingleItem();
        entry.Summary.ShouldBe("Calendar day");
        entry.Uid.ShouldBe($"{published.Id}@eventplatform");
        entry.DtStart!.AsUtc.ShouldBe(published.StartTime.ToDateTime());
        entry.DtEnd!.AsUtc.ShouldBe(published.EndTime.ToDateTime());
        ics.ShouldContain("BEGIN:VCALENDAR");
        ics.ShouldContain("PRODID:");
    }

    [Fact]
    public async Task Publishing_and_cancelling_an_event_reach_a_consumer_of_the_catalog_stream()
    {
        var (token, published) = await Catalog.NewPublishedAsync("Streamed");
        await Catalog.Client.UpdateEventAsync(new UpdateEventRequest { Id = published.Id, Title = "Streamed, renamed" }, Bearer(token));
        await Catalog.Client.CancelEventAsync(new CancelEventRequest { Id = published.Id, Reason = "Rain" }, Bearer(token));

        var seen = await ConsumeUntilAsync(published.Id, types => types.Count >= 3);

        seen.ShouldBe(["eventplatform.catalog.v1.EventPublished", "eventplatform.catalog.v1.EventUpdated", "eventplatform.catalog.v1.EventCancelled"]);
    }

    /// <summary>Reads catalog.events as a consumer group of its own would, keeping the types about one event, in order.</summary>
    private async Task<List<string>> ConsumeUntilAsync(string eventId, Func<List<string>, bool> done)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(system.App.GetConnectionString("redis"));
        var database = redis.GetDatabase();
        var group = "test-" + Guid.NewGuid().ToString("N");
        await database.StreamCreateConsumerGroupAsync("catalog.events", group, StreamPosition.Beginning, createStream: true);
        var types = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!done(types) && !timeout.IsCancellationRequested)
        {
            var entries = await database.StreamReadGroupAsync("catalog.events", group, "test", ">", count: 100);
            foreach (var entry in entries)
            {
                var type = (string)entry["type"]!;
                var data = (byte[])entry["data"]!;
                var about = type switch
                {
                    "eventplatform.catalog.v1.EventPublished" => EventPublished.Parser.ParseFrom(data).Event.Id,
                    "eventplatform.catalog.v1.EventUpdated" => EventUpdated.Parser.ParseFrom(data).Event.Id,
                    "eventplatform.catalog.v1.EventCancelled" => EventCancelled.Parser.ParseFrom(data).Event.Id,
                    "eventplatform.catalog.v1.RegistrationsClosed" => RegistrationsClosed.Parser.ParseFrom(data).Event.Id,
                    _ => null,
                };
                if (about == eventId)
                {
                    types.Add(type);
                }
            }

            if (entries.Length == 0)
            {
                await Task.Delay(100);
            }
        }

        return types;
    }
}
