using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Events;

/// <summary>
/// The catalog event as the program sees it: when it takes place (sessions stay inside it), who manages it (only
/// they change its program), whose speakers it may use, and whether anyone has seen its program yet.
/// </summary>
public sealed record ProgramEvent(
    EventId Id,
    string Title,
    string OrganizerId,
    string OwnerId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    EventStatus Status)
{
    /// <summary>Attendees may have registered: changes to its program concern them.</summary>
    public bool HasAudience => Status is EventStatus.Published or EventStatus.RegistrationsClosed;

    public void EnsureProgramCanChange() => BusinessRule.Check(new ProgramOfCancelledOrCompletedEventCannotChangeRule(this));
}

public sealed class ProgramOfCancelledOrCompletedEventCannotChangeRule(ProgramEvent programEvent) : IBusinessRule
{
    public string Message => $"The event is {programEvent.Status.ToString().ToLowerInvariant()}: its program can no longer change.";

    public bool IsBroken() => programEvent.Status is EventStatus.Cancelled or EventStatus.Completed;
}
