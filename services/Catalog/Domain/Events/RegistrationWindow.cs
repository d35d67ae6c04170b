using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>When people may register. Open bounds: from creation on, and until the event starts.</summary>
public sealed record RegistrationWindow
{
    private RegistrationWindow(DateTimeOffset? opens, DateTimeOffset? closes)
    {
        Opens = opens;
        Closes = closes;
    }

    public DateTimeOffset? Opens { get; }

    public DateTimeOffset? Closes { get; }

    public static RegistrationWindow Create(DateTimeOffset? opens, DateTimeOffset? closes, EventSchedule schedule)
    {
        BusinessRule.Check(new RegistrationMustOpenBeforeItClosesRule(opens, closes));
        BusinessRule.Check(new RegistrationMustCloseBeforeEventEndsRule(closes, schedule));
        return new RegistrationWindow(opens?.ToUniversalTime(), closes?.ToUniversalTime());
    }
}

public sealed class RegistrationMustOpenBeforeItClosesRule(DateTimeOffset? opens, DateTimeOffset? closes) : IFieldRule
{
    public string Field => "RegistrationWindow.Closes";

    public string Message => "Registrations must open before they close.";

    public bool IsBroken() => opens is { } o && closes is { } c && c <= o;
}

public sealed class RegistrationMustCloseBeforeEventEndsRule(DateTimeOffset? closes, EventSchedule schedule) : IFieldRule
{
    public string Field => "RegistrationWindow.Closes";

    public string Message => "Registrations must close before the event ends.";

    public bool IsBroken() => closes is { } c && c > schedule.End;
}
