using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Program.Grpc;

/// <summary>The ids of the requests, each bad one reported under its field.</summary>
internal static class Ids
{
    public static EventId Event(string id, string field = "event_id") => RequestFields.Id<EventId>(id, field, "an event id");

    public static SessionId Session(string id, string field = "id") => RequestFields.Id<SessionId>(id, field, "a session id");

    public static RoomId Room(string id, string field = "id") => RequestFields.Id<RoomId>(id, field, "a room id");

    public static SpeakerId Speaker(string id, string field = "id") => RequestFields.Id<SpeakerId>(id, field, "a speaker id");

    /// <summary>An optional room: empty means none.</summary>
    public static RoomId? OptionalRoom(string id, string field = "room_id") => RequestFields.OptionalId<RoomId>(id, field, "a room id");

    public static IReadOnlyList<SpeakerId> Speakers(IEnumerable<string> ids, string field = "speaker_ids") =>
        RequestFields.Ids<SpeakerId>(ids, field, "a speaker id");
}
