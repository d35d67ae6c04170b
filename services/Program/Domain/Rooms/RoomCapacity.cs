using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Rooms;

/// <summary>Seats in a room: the most attendees any session held there can take.</summary>
public readonly record struct RoomCapacity
{
    public const int Max = 1_000_000;

    private RoomCapacity(int seats) => Seats = seats;

    public int Seats { get; }

    public static RoomCapacity Create(int seats)
    {
        BusinessRule.Check(new RoomCapacityMustBePositiveRule(seats));
        return new RoomCapacity(seats);
    }
}

public sealed class RoomCapacityMustBePositiveRule(int seats) : IFieldRule
{
    public string Field => "Capacity";

    public string Message => $"A room has between 1 and {RoomCapacity.Max} seats.";

    public bool IsBroken() => seats is < 1 or > RoomCapacity.Max;
}
