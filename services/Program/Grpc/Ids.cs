using EventPlatform.Domain;
using EventPlatform.Program.Application.Paging;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Grpc;

/// <summary>Ids and paging of the requests, each bad one reported under its field.</summary>
internal static class Ids
{
    public static EventId Event(string id, string field = "event_id") => new(Parse(id, field, "an event id"));

    public static SessionId Session(string id, string field = "id") => new(Parse(id, field, "a session id"));

    public static RoomId Room(string id, string field = "id") => new(Parse(id, field, "a room id"));

    public static SpeakerId Speaker(string id, string field = "id") => new(Parse(id, field, "a speaker id"));

    /// <summary>An optional room: empty means none.</summary>
    public static RoomId? OptionalRoom(string id, string field = "room_id") => string.IsNullOrEmpty(id) ? null : Room(id, field);

    public static IReadOnlyList<SpeakerId> Speakers(IEnumerable<string> ids, string field = "speaker_ids")
    {
        var input = new InputValidation();
        var parsed = ids.Select((id, i) => input.Capture(() => (SpeakerId?)Speaker(id, $"{field}[{i}]"))).ToList();
        input.ThrowIfInvalid();
        return parsed.Select(id => id!.Value).ToList();
    }

    public static PageRequest Page(int pageSize, string pageToken) =>
        pageSize is < 0 or > PageRequest.MaxSize
            ? throw new InvalidInputException("page_size", $"Between 1 and {PageRequest.MaxSize} (0 for the default of {PageRequest.DefaultSize}).")
            : new PageRequest(pageSize, pageToken);

    private static Guid Parse(string id, string field, string what) =>
        Guid.TryParse(id, out var value) ? value : throw new InvalidInputException(field, $"Expected {what} (a UUID).");
}
