using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Application.Programs;

/// <summary>
/// The whole program of one event: sessions in start order (then by room name), the rooms and speakers they refer
/// to, the tracks in order of first appearance, and when any of it last changed.
/// </summary>
public sealed record ProgramView(
    ProgramEvent Event,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<Room> Rooms,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<string> Tracks,
    DateTimeOffset? UpdatedAt)
{
    public static ProgramView Of(ProgramEvent programEvent, IEnumerable<Session> sessions, IReadOnlyList<Room> rooms, IReadOnlyList<Speaker> speakers)
    {
        var roomNames = rooms.ToDictionary(r => r.Id, r => r.Name.Value);
        var ordered = sessions
            .OrderBy(s => s.Slot.Start)
            .ThenBy(s => s.RoomId is { } room ? roomNames.GetValueOrDefault(room, "") : "", StringComparer.Ordinal)
            .ThenBy(s => s.Id)
            .ToList();
        var tracks = ordered.Select(s => s.Track).Where(t => t.Length > 0).Distinct().ToList();
        var changes = ordered.Select(s => s.UpdatedAt).Concat(rooms.Select(r => r.UpdatedAt)).Concat(speakers.Select(s => s.UpdatedAt)).ToList();
        return new ProgramView(programEvent, ordered, rooms, speakers, tracks, changes.Count == 0 ? null : changes.Max());
    }
}
