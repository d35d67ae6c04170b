namespace EventPlatform.Analytics.Domain.Facts;

public enum EventState
{
    Draft,
    Published,
    RegistrationsClosed,
    Completed,
    Cancelled,
}

/// <summary>What analytics knows of a catalog event: the newest of its snapshots wins, whatever order they came in.</summary>
public sealed class EventFact
{
    private EventFact()
    {
    }

    public Guid EventId { get; private set; }

    public string OrganizerId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public DateTimeOffset StartTime { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    public int Capacity { get; private set; }

    public EventState State { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; } = DateTimeOffset.MinValue;

    public static EventFact Of(Guid eventId) => new() { EventId = eventId };

    public void Apply(
        string organizerId, string ownerId, string title, DateTimeOffset startTime, string timeZone, int capacity, EventState state, DateTimeOffset updateTime)
    {
        // A cancellation is final, even when an older snapshot arrives after it.
        if (updateTime < UpdateTime || (State == EventState.Cancelled && state != EventState.Cancelled))
        {
            return;
        }

        OrganizerId = organizerId;
        OwnerId = ownerId;
        Title = title;
        StartTime = startTime;
        TimeZone = timeZone;
        Capacity = capacity;
        State = state;
        UpdateTime = updateTime;
    }
}
