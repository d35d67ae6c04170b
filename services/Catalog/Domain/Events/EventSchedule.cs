using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>When an event takes place: a [start, end) interval in UTC, shown in the event's IANA time zone.</summary>
public sealed record EventSchedule
{
    private EventSchedule(DateTimeOffset start, DateTimeOffset end, string timeZone)
    {
        Start = start;
        End = end;
        TimeZone = timeZone;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public string TimeZone { get; }

    public static EventSchedule Create(DateTimeOffset start, DateTimeOffset end, string timeZone)
    {
        BusinessRule.Check(new EventMustEndAfterItStartsRule(start, end));
        BusinessRule.Check(new TimeZoneMustBeKnownRule(timeZone));
        return new EventSchedule(start.ToUniversalTime(), end.ToUniversalTime(), timeZone);
    }
}

public sealed class EventMustEndAfterItStartsRule(DateTimeOffset start, DateTimeOffset end) : IFieldRule
{
    public string Field => "Schedule.End";

    public string Message => "The event must end after it starts.";

    public bool IsBroken() => end <= start;
}

public sealed class TimeZoneMustBeKnownRule(string timeZone) : IFieldRule
{
    public string Field => "Schedule.TimeZone";

    public string Message => $"{Quoted.Value(timeZone)} is not an IANA time zone (e.g. Europe/Paris).";

    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId;
}
