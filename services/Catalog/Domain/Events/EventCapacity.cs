using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>How many seats an event offers.</summary>
public readonly record struct EventCapacity
{
    public const int Max = 1_000_000;

    private EventCapacity(int seats) => Seats = seats;

    public int Seats { get; }

    public static EventCapacity Create(int seats)
    {
        BusinessRule.Check(new EventCapacityMustBePositiveRule(seats));
        return new EventCapacity(seats);
    }
}

public sealed class EventCapacityMustBePositiveRule(int seats) : IFieldRule
{
    public string Field => "Capacity";

    public string Message => $"An event offers between 1 and {EventCapacity.Max} seats.";

    public bool IsBroken() => seats is < 1 or > EventCapacity.Max;
}
