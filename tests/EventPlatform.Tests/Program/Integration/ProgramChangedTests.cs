using EventPlatform.Contracts.Program.V1;
using Npgsql;
using static EventPlatform.Tests.Program.Integration.Organizer;
using CatalogApi = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// Changes attendees would notice leave as ProgramChanged on "program.events" (through the outbox, in the change's
/// transaction); a cancelled event cancels its program, once.
/// </summary>
[Collection(ProgramSystemCollection.Name)]
public sealed class ProgramChangedTests(ProgramSystem system)
{
    private const string Topic = "program.events";

    [Fact]
    public async Task Moving_and_re_rooming_a_session_of_a_published_event_tells_attendees_what_changed()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.PublishAsync(await alice.CreateEventAsync());
        var hallA = await alice.CreateRoomAsync(e.Id, "Hall A");
        var hallB = await alice.CreateRoomAsync(e.Id, "Hall B");
        var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, hallA.Id, [ada.Id], "Engines"));

        await alice.Program.UpdateSessionAsync(
            new UpdateSessionRequest
            {
                Id = session.Id,
                RoomId = hallB.Id,
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(At(11)),
                EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(At(12)),
                ChangeNote = "Moved after lunch.",
            },
            alice.Headers);

        var changes = await system.Published.AwaitAsync<ProgramChanged>(
            Topic, c => c.EventId == e.Id && c.Changes.Any(x => x.Kinds.Contains(SessionChangeKind.Time)));
        var changed = changes.Single(c => c.Changes.Any(x => x.Kinds.Contains(SessionChangeKind.Time)));
        changed.TimeZone.ShouldBe("Europe/Paris");
        changed.ChangeNote.ShouldBe("Moved after lunch.");
        changed.EventWide.ShouldBeFalse();
        var change = changed.Changes.ShouldHaveSingleItem();
        change.SessionId.ShouldBe(session.Id);
        change.Kinds.ShouldBe([SessionChangeKind.Time, SessionChangeKind.Room], ignoreOrder: true);
        change.Previous.RoomName.ShouldBe("Hall A");
        change.Previous.StartTime.ToDateTimeOffset().ShouldBe(At(9));
        change.Current.RoomName.ShouldBe("Hall B");
        change.Current.StartTime.ToDateTimeOffset().ShouldBe(At(11));
        change.Current.SpeakerNames.ShouldBe(["Ada Lovelace"]);
    }

    [Fact]
    public async Task A_new_session_renamed_rooms_and_speakers_and_a_cancellation_are_each_told()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.PublishAsync(await alice.CreateEventAsync());
        var room = await alice.CreateRoomAsync(e.Id, "Hall A");
        var ada = await alice.CreateSpeakerAsync("Ada");
        var session = await alice.ScheduleAsync(Session(e.Id, 9, 10, room.Id, [ada.Id], "Engines"));

        await alice.Program.UpdateRoomAsync(new UpdateRoomRequest { Id = room.Id, Name = "Amphitheatre" }, alice.Headers);
        await alice.Program.UpdateSpeakerAsync(new UpdateSpeakerRequest { Id = ada.Id, Name = "Ada Lovelace" }, alice.Headers);
        await alice.Program.CancelSessionAsync(new CancelSessionRequest { Id = session.Id, Reason = "Speaker ill" }, alice.Headers);

        var changes = await system.Published.AwaitAsync<ProgramChanged>(Topic, c => c.EventId == e.Id, count: 4);
        var kinds = changes.Select(c => c.Changes.Single().Kinds.Single()).ToList();
        kinds.ShouldBe([SessionChangeKind.Added, SessionChangeKind.Room, SessionChangeKind.Speakers, SessionChangeKind.Cancelled]);
        changes[0].EventWide.ShouldBeTrue();
        changes[1].Changes[0].Previous.RoomName.ShouldBe("Hall A");
        changes[1].Changes[0].Current.RoomName.ShouldBe("Amphitheatre");
        changes[2].Changes[0].Previous.SpeakerNames.ShouldBe(["Ada"]);
        changes[2].Changes[0].Current.SpeakerNames.ShouldBe(["Ada Lovelace"]);
        changes[3].ChangeNote.ShouldBe("Speaker ill");
        changes[3].Changes[0].Current.Status.ShouldBe(SessionStatus.Cancelled);
    }

    [Fact]
    public async Task Changes_nobody_could_notice_publish_nothing()
    {
        var alice = await system.NewOrganizerAsync();
        var draft = await alice.CreateEventAsync();
        var draftSession = await alice.ScheduleAsync(Session(draft.Id, 9, 10));
        await alice.Program.UpdateSessionAsync(new UpdateSessionRequest { Id = draftSession.Id, Title = "Renamed in draft" }, alice.Headers);
        var published = await alice.PublishAsync(await alice.CreateEventAsync());
        var session = await alice.ScheduleAsync(Session(published.Id, 9, 10));

        await alice.Program.UpdateSessionAsync(new UpdateSessionRequest { Id = session.Id, Abstract = "Now with slides.", Track = "Frontend" }, alice.Headers);
        await alice.Program.UpdateSessionAsync(new UpdateSessionRequest { Id = session.Id, Title = "Renamed" }, alice.Headers);

        var told = await system.Published.AwaitAsync<ProgramChanged>(Topic, c => c.EventId == published.Id, count: 2);
        told.Select(c => c.Changes.Single().Kinds.Single()).ShouldBe([SessionChangeKind.Added, SessionChangeKind.Title]);
        (await system.Published.OfTypeAsync<ProgramChanged>(Topic, c => c.EventId == draft.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancelled_event_cancels_its_sessions_once_even_when_the_cancellation_is_delivered_again()
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.PublishAsync(await alice.CreateEventAsync());
        var first = await alice.ScheduleAsync(Session(e.Id, 9, 10, title: "Opening"));
        var second = await alice.ScheduleAsync(Session(e.Id, 10, 11, title: "Closing"));

        await system.Catalog.CancelEventAsync(new CatalogApi.CancelEventRequest { Id = e.Id, Reason = "Venue flooded" }, alice.Headers);

        var told = await system.Published.AwaitAsync<ProgramChanged>(Topic, c => c.EventId == e.Id && c.CausedByEventCancellation);
        told.Single().Changes.Select(c => c.SessionId).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var session = await system.Program.GetSessionAsync(new GetSessionRequest { Id = id }, alice.Headers);
            session.Status.ShouldBe(SessionStatus.Cancelled);
            session.CancellationReason.ShouldBe("The event was cancelled: Venue flooded");
        }

        await RedeliverAsync("catalog.events", CatalogApi.EventCancelled.Descriptor.FullName, e.Id);

        (await system.Published.OfTypeAsync<ProgramChanged>(Topic, c => c.EventId == e.Id && c.CausedByEventCancellation)).Count.ShouldBe(1);
        (await InboxRecordsAsync(e.Id)).ShouldBe(1);
    }

    /// <summary>
    /// Adds the published envelope to its stream a second time, as a broker redelivery would, and waits until the
    /// program's consumer group has handled and acknowledged it.
    /// </summary>
    private async Task RedeliverAsync(string topic, string type, string eventId)
    {
        var original = (await system.Published.OnAsync(topic)).Single(e => e.Envelope.Type == type && e.Envelope.PartitionKey == eventId);
        var position = await system.Published.RepublishAsync(topic, original.Envelope);
        await system.Published.AwaitHandledAsync(topic, "program", position);
    }

    private async Task<long> InboxRecordsAsync(string eventId)
    {
        var cancelled = (await system.Published.OnAsync("catalog.events"))
            .First(e => e.Envelope.PartitionKey == eventId && e.Envelope.Type == CatalogApi.EventCancelled.Descriptor.FullName);
        await using var connection = new NpgsqlConnection(system.ProgramDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = @id", connection);
        count.Parameters.AddWithValue("id", cancelled.Envelope.Id);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
