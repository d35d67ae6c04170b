using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>No two scheduled sessions share a room at the same time; [start, end) slots, so back-to-back is fine.</summary>
public sealed class SessionsInSameRoomMustNotOverlapRule : IBusinessRule
{
    private readonly BookedSession? _conflict;
    private readonly bool _reportedByDatabase;

    public SessionsInSameRoomMustNotOverlapRule(SessionId session, RoomId? room, TimeSlot slot, IEnumerable<BookedSession> booked) =>
        _conflict = room is null ? null : booked.FirstOrDefault(b => b.Id != session && b.Room == room && b.Slot.Overlaps(slot));

    private SessionsInSameRoomMustNotOverlapRule() => _reportedByDatabase = true;

    public string Message => _conflict is null
        ? "Two scheduled sessions in one room must not overlap: another session took this room at that time meanwhile."
        : $"Two scheduled sessions in one room must not overlap: the room is taken by '{_conflict.Title}' ({_conflict.Slot}).";

    /// <summary>The database's exclusion constraint caught an overlap that a concurrent write made after the check.</summary>
    public static SessionsInSameRoomMustNotOverlapRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || _conflict is not null;
}
