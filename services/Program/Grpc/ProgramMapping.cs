using System.Text;
using EventPlatform.Program.Application.Programs;
using EventPlatform.ServiceDefaults.Identity;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Program.Grpc;

internal static class ProgramMapping
{
    public static Proto.EventProgram ToContract(this ProgramView view, Caller? caller) => new()
    {
        EventId = view.Event.Id.ToString(),
        TimeZone = view.Event.TimeZone,
        Sessions = { view.Sessions.Select(s => s.ToContract()) },
        Rooms = { view.Rooms.Select(r => r.ToContract()) },
        Speakers = { view.Speakers.Select(s => s.ToContract(caller)) },
        Tracks = { view.Tracks },
        UpdateTime = view.UpdatedAt is { } updated ? Timestamp.FromDateTimeOffset(updated) : null,
    };

    public static HttpBody ToCalendar(this ProgramView view) => new()
    {
        ContentType = ProgramCalendar.ContentType,
        Data = ByteString.CopyFrom(ProgramCalendar.ToIcs(view), Encoding.UTF8),
    };
}
