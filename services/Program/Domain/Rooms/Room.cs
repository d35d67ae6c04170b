using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.Program.Domain.Sessions;

namespace EventPlatform.Program.Domain.Rooms;

/// <summary>A room of one event's venue: sessions are placed in it, never two at once, never beyond its seats.</summary>
public sealed class Room : AggregateRoot
{
    private Room()
    {
    }

    public RoomId Id { get; private set; }

    public EventId EventId { get; private set; }

    public RoomName Name { get; private set; } = null!;

    public RoomCapacity Capacity { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Room Create(RoomId id, ProgramEvent programEvent, RoomName name, RoomCapacity capacity, DateTimeOffset now)
    {
        programEvent.EnsureProgramCanChange();
        return new Room
        {
            Id = id,
            EventId = programEvent.Id,
            Name = name,
            Capacity = capacity,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Renames and/or resizes the room. The capacity never drops below the largest capacity of a session scheduled in
    /// it (<paramref name="largestSessionCapacity"/>). Returns whether the name changed, which attendees notice.
    /// </summary>
    public bool Revise(ProgramEvent programEvent, RoomName? name, RoomCapacity? capacity, int largestSessionCapacity, DateTimeOffset now)
    {
        programEvent.EnsureProgramCanChange();
        var newCapacity = capacity ?? Capacity;
        BusinessRule.Check(new RoomCapacityMustHoldItsSessionsRule(newCapacity, largestSessionCapacity));

        var renamed = name is not null && name != Name;
        if (renamed || newCapacity != Capacity)
        {
            Name = name ?? Name;
            Capacity = newCapacity;
            UpdatedAt = now;
        }

        if (renamed)
        {
            Raise(new RoomRenamed(programEvent, Id));
        }

        return renamed;
    }

    public void EnsureCanBeDeleted(int scheduledSessions) =>
        BusinessRule.Check(new RoomWithScheduledSessionsCannotBeDeletedRule(scheduledSessions));
}

public sealed class RoomCapacityMustHoldItsSessionsRule : IBusinessRule
{
    private readonly RoomCapacity _capacity;
    private readonly int _largestSessionCapacity;
    private readonly bool _reportedByDatabase;

    public RoomCapacityMustHoldItsSessionsRule(RoomCapacity capacity, int largestSessionCapacity)
    {
        _capacity = capacity;
        _largestSessionCapacity = largestSessionCapacity;
    }

    private RoomCapacityMustHoldItsSessionsRule() => _reportedByDatabase = true;

    public string Message => _reportedByDatabase
        ? "A room's capacity must hold its sessions: a larger session was placed in the room meanwhile."
        : $"A room's capacity must hold its sessions: one scheduled here takes {_largestSessionCapacity} attendees; lower " +
          $"that session's capacity first, or keep the room at {_largestSessionCapacity} seats or more.";

    /// <summary>The database caught a session that a concurrent placement made larger than the new capacity.</summary>
    public static RoomCapacityMustHoldItsSessionsRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || _capacity.Seats < _largestSessionCapacity;
}

public sealed class RoomWithScheduledSessionsCannotBeDeletedRule(int scheduledSessions) : IBusinessRule
{
    private readonly bool _reportedByDatabase;

    private RoomWithScheduledSessionsCannotBeDeletedRule() : this(0) => _reportedByDatabase = true;

    public string Message => _reportedByDatabase
        ? "A room with scheduled sessions cannot be deleted: a session was placed in it meanwhile."
        : $"A room with scheduled sessions cannot be deleted: move or cancel its {scheduledSessions} session(s) first.";

    /// <summary>The database refused the delete: a session placed concurrently still names the room.</summary>
    public static RoomWithScheduledSessionsCannotBeDeletedRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || scheduledSessions > 0;
}
