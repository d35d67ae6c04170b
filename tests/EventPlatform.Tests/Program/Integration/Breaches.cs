using System.Text;
using Google.Protobuf;
using Grpc.Core;
using CatalogApi = EventPlatform.Contracts.Catalog.V1;
using Proto = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// A request that breaks one rule, prepared against real data, sendable over gRPC to program or as JSON through the
/// BFF. Sending it changes nothing, so both ways can be tried in turn.
/// </summary>
public sealed record Breach(Func<Task<RpcException>> ViaGrpc, HttpMethod Method, string Path, IMessage? Body, string? Token)
{
    public async Task<HttpResponseMessage> ViaBffAsync(ProgramSystem system)
    {
        using var http = system.Bff(Token);
        using var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new StringContent(JsonFormatter.Default.Format(Body), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }
}

/// <summary>How to break each rule of the program, one fresh event (or two) per breach.</summary>
public static class Breaches
{
    public static async Task<Breach> PrepareAsync(ProgramSystem system, string rule)
    {
        var alice = await system.NewOrganizerAsync();
        var e = await alice.CreateEventAsync();
        var program = system.Program;
        switch (rule)
        {
            case "SessionMustBeWithinEventDates":
                return CreateSession(alice, Organizer.Session(e.Id, 7, 9));

            case "SessionsInSameRoomMustNotOverlap":
                {
                    var room = await alice.CreateRoomAsync(e.Id);
                    await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10, room.Id, title: "Keynote"));
                    return CreateSession(alice, Organizer.Session(e.Id, 9.5, 10.5, room.Id));
                }

            case "SpeakersMustNotBeInOverlappingSessions":
                {
                    var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
                    await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10, speakerIds: [ada.Id]));
                    var otherEvent = await alice.CreateEventAsync("Another conference, same day");
                    return CreateSession(alice, Organizer.Session(otherEvent.Id, 9.5, 10.5, speakerIds: [ada.Id]));
                }

            case "SessionCapacityMustNotExceedRoomCapacity":
                {
                    var room = await alice.CreateRoomAsync(e.Id, capacity: 50);
                    var request = Organizer.Session(e.Id, 9, 10, room.Id);
                    request.Capacity = 51;
                    return CreateSession(alice, request);
                }

            case "RoomMustBelongToTheEvent":
                {
                    var otherEvent = await alice.CreateEventAsync("Another conference");
                    var elsewhere = await alice.CreateRoomAsync(otherEvent.Id);
                    return CreateSession(alice, Organizer.Session(e.Id, 9, 10, elsewhere.Id));
                }

            case "SpeakersMustBelongToTheEventOrganizer":
                {
                    var bob = await system.NewOrganizerAsync();
                    var stranger = await bob.CreateSpeakerAsync("Bob's speaker");
                    return CreateSession(alice, Organizer.Session(e.Id, 9, 10, speakerIds: [stranger.Id]));
                }

            case "CancelledSessionCannotChange":
                {
                    var session = await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10));
                    await program.CancelSessionAsync(new Proto.CancelSessionRequest { Id = session.Id, Reason = "Speaker ill" }, alice.Headers);
                    var update = new Proto.UpdateSessionRequest { Id = session.Id, Title = "Back on" };
                    return new Breach(
                        () => Failures.FailsAsync(program.UpdateSessionAsync(update, alice.Headers)), HttpMethod.Patch, $"/sessions/{session.Id}", update, alice.Token);
                }

            case "SessionCanOnlyBeDeletedWhileEventIsDraft":
                {
                    var session = await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10));
                    await alice.PublishAsync(e);
                    var delete = new Proto.DeleteSessionRequest { Id = session.Id };
                    return new Breach(
                        () => Failures.FailsAsync(program.DeleteSessionAsync(delete, alice.Headers)), HttpMethod.Delete, $"/sessions/{session.Id}", null, alice.Token);
                }

            case "ProgramOfCancelledOrCompletedEventCannotChange":
                await system.Catalog.CancelEventAsync(new CatalogApi.CancelEventRequest { Id = e.Id, Reason = "Venue flooded" }, alice.Headers);
                return CreateSession(alice, Organizer.Session(e.Id, 9, 10));

            case "RoomCapacityMustHoldItsSessions":
                {
                    var room = await alice.CreateRoomAsync(e.Id, capacity: 100);
                    var request = Organizer.Session(e.Id, 9, 10, room.Id);
                    request.Capacity = 80;
                    await alice.ScheduleAsync(request);
                    var update = new Proto.UpdateRoomRequest { Id = room.Id, Capacity = 60 };
                    return new Breach(
                        () => Failures.FailsAsync(program.UpdateRoomAsync(update, alice.Headers)), HttpMethod.Patch, $"/rooms/{room.Id}", update, alice.Token);
                }

            case "RoomWithScheduledSessionsCannotBeDeleted":
                {
                    var room = await alice.CreateRoomAsync(e.Id);
                    await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10, room.Id));
                    var delete = new Proto.DeleteRoomRequest { Id = room.Id };
                    return new Breach(
                        () => Failures.FailsAsync(program.DeleteRoomAsync(delete, alice.Headers)), HttpMethod.Delete, $"/rooms/{room.Id}", null, alice.Token);
                }

            case "SpeakerWithScheduledSessionsCannotBeDeleted":
                {
                    var ada = await alice.CreateSpeakerAsync("Ada Lovelace");
                    await alice.ScheduleAsync(Organizer.Session(e.Id, 9, 10, speakerIds: [ada.Id]));
                    var delete = new Proto.DeleteSpeakerRequest { Id = ada.Id };
                    return new Breach(
                        () => Failures.FailsAsync(program.DeleteSpeakerAsync(delete, alice.Headers)), HttpMethod.Delete, $"/speakers/{ada.Id}", null, alice.Token);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "No breach prepared for this rule.");
        }
    }

    public static Breach CreateSession(Organizer organizer, Proto.CreateSessionRequest request, string? token = null, bool anonymous = false)
    {
        var bearer = anonymous ? null : token ?? organizer.Token;
        var headers = bearer is null ? new Metadata() : Organizer.Bearer(bearer);
        return new Breach(
            () => Failures.FailsAsync(organizer.Program.CreateSessionAsync(request, headers)),
            HttpMethod.Post,
            $"/events/{request.EventId}/sessions",
            request,
            bearer);
    }
}
