using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>Seats for attendees who choose a session; 0 means unlimited, which only a session without a room may be.</summary>
public readonly record struct SessionCapacity
{
    private SessionCapacity(int seats) => Seats = seats;

    public static SessionCapacity Unlimited { get; } = new(0);

    public int Seats { get; }

    public bool IsUnlimited => Seats == 0;

    public static SessionCapacity Create(int seats)
    {
        BusinessRule.Check(new SessionCapacityMustNotBeNegativeRule(seats));
        return new SessionCapacity(seats);
    }

    public static SessionCapacity Of(RoomCapacity room) => new(room.Seats);

    public bool Exceeds(RoomCapacity room) => IsUnlimited || Seats > room.Seats;
}

public sealed class SessionCapacityMustNotBeNegativeRule(int seats) : IFieldRule
{
    public string Field => "Capacity";

    public string Message => $"A session's capacity is between 0 (unlimited) and {RoomCapacity.Max} seats.";

    public bool IsBroken() => seats is < 0 or > RoomCapacity.Max;
}
