using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>A session in a room seats at most the room's capacity, and so is never unlimited.</summary>
public sealed class SessionCapacityMustNotExceedRoomCapacityRule : IBusinessRule
{
    private readonly SessionCapacity _capacity;
    private readonly Room? _room;
    private readonly bool _reportedByDatabase;

    public SessionCapacityMustNotExceedRoomCapacityRule(SessionCapacity capacity, Room? room)
    {
        _capacity = capacity;
        _room = room;
    }

    private SessionCapacityMustNotExceedRoomCapacityRule() => _reportedByDatabase = true;

    public string Message => _room is null
        ? "A session's capacity must not exceed its room's: the room was made smaller meanwhile."
        : $"A session's capacity must not exceed its room's: '{_room.Name}' has {_room.Capacity.Seats} seats, the session asks for " +
          (_capacity.IsUnlimited ? "unlimited seats." : $"{_capacity.Seats}.");

    /// <summary>The database caught a capacity that a concurrent change of the room made too large.</summary>
    public static SessionCapacityMustNotExceedRoomCapacityRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || (_room is not null && _capacity.Exceeds(_room.Capacity));
}
