using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>When a session takes place: [start, end) in UTC, so one ending at 10:00 leaves the room free at 10:00.</summary>
public sealed record TimeSlot
{
    private TimeSlot(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public static TimeSlot Create(DateTimeOffset start, DateTimeOffset end)
    {
        BusinessRule.Check(new SessionMustEndAfterItStartsRule(start, end));
        return new TimeSlot(start.ToUniversalTime(), end.ToUniversalTime());
    }

    public bool Overlaps(TimeSlot other) => Start < other.End && other.Start < End;

    public bool IsWithin(DateTimeOffset start, DateTimeOffset end) => Start >= start && End <= end;

    public override string ToString() => $"{Start:yyyy-MM-dd HH:mm}–{End:yyyy-MM-dd HH:mm} UTC";
}

public sealed class SessionMustEndAfterItStartsRule(DateTimeOffset start, DateTimeOffset end) : IFieldRule
{
    public string Field => "Slot.End";

    public string Message => "A session must end after it starts.";

    public bool IsBroken() => end <= start;
}
