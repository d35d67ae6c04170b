using EventPlatform.Domain;

namespace EventPlatform.Registrations.Domain.Policies;

public sealed class EventMustBeOpenForRegistrationRule(CapacityPolicy policy) : IBusinessRule
{
    public string Message => policy.Status switch
    {
        EventRegistrationStatus.Cancelled => "The event was cancelled.",
        EventRegistrationStatus.Closed => "The organizer closed registrations for this event.",
        _ => "Registrations are open only while the event is published.",
    };

    public bool IsBroken() => policy.Status != EventRegistrationStatus.Open;
}

public sealed class RegistrationWindowMustBeOpenRule(CapacityPolicy policy, DateTimeOffset now) : IBusinessRule
{
    public string Message =>
        $"Registrations are accepted from {policy.RegistrationOpens:u} until {policy.RegistrationCloses:u}.";

    public bool IsBroken() =>
        (policy.RegistrationOpens is { } opens && now < opens) || (policy.RegistrationCloses is { } closes && now >= closes);
}

/// <summary>A full event without waitlist refuses the registration rather than queueing it.</summary>
public sealed class WaitlistMustBeEnabledRule(CapacityPolicy policy) : IBusinessRule
{
    public string Message => "The event is full and has no waitlist.";

    public bool IsBroken() => !policy.WaitlistEnabled;
}
