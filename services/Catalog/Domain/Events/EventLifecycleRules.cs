using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

public sealed class OnlyDraftEventsCanBePublishedRule(EventStatus status) : IBusinessRule
{
    public string Message => $"Only a draft event can be published; this one is {status}.";

    public bool IsBroken() => status != EventStatus.Draft;
}

public sealed class EndedEventsCannotBePublishedRule(EventSchedule schedule, DateTimeOffset now) : IBusinessRule
{
    public string Message => "An event that has already ended cannot be published.";

    public bool IsBroken() => schedule.End <= now;
}

public sealed class OnlyPublishedEventsCanCloseRegistrationsRule(EventStatus status) : IBusinessRule
{
    public string Message => $"Registrations can only be closed on a published event; this one is {status}.";

    public bool IsBroken() => status != EventStatus.Published;
}

public sealed class OnlyEventsWithClosedRegistrationsCanBeCompletedRule(EventStatus status) : IBusinessRule
{
    public string Message => $"Close registrations before completing an event; this one is {status}.";

    public bool IsBroken() => status != EventStatus.RegistrationsClosed;
}

public sealed class OnlyDraftOrPublishedEventsCanBeCancelledRule(EventStatus status) : IBusinessRule
{
    public string Message => $"Only a draft or published event can be cancelled; this one is {status}.";

    public bool IsBroken() => status is not (EventStatus.Draft or EventStatus.Published);
}

public sealed class CancellationNeedsAReasonRule(string reason) : IFieldRule
{
    public string Field => "CancellationReason";

    public string Message => "Say why the event is cancelled (1 to 1000 characters): attendees are told.";

    public bool IsBroken() => reason.Length is 0 or > 1000;
}

public sealed class OnlyDraftEventsCanBeDeletedRule(EventStatus status) : IBusinessRule
{
    public string Message => $"Only a draft event can be deleted; cancel a published one instead. This one is {status}.";

    public bool IsBroken() => status != EventStatus.Draft;
}

public sealed class FinishedEventsCannotBeEditedRule(EventStatus status) : IBusinessRule
{
    public string Message => $"A {status} event can no longer be edited.";

    public bool IsBroken() => status is EventStatus.Cancelled or EventStatus.Completed;
}

public sealed class PriceCannotChangeAfterPublicationRule(Price? current, Price? proposed) : IBusinessRule
{
    public string Message => "The price of a published event cannot change: people have registered at this price.";

    public bool IsBroken() => current != proposed;
}

public sealed class RefundTermsCannotChangeAfterPublicationRule(RefundTerms current, RefundTerms proposed) : IBusinessRule
{
    public string Message => "The refund terms of a published event cannot change: people have registered under them.";

    public bool IsBroken() => current != proposed;
}

/// <summary>Capacity never goes below the seats already confirmed; unknown confirmed seats count as a refusal.</summary>
public sealed class CapacityMustCoverConfirmedSeatsRule(EventCapacity proposed, int? confirmedSeats) : IBusinessRule
{
    public string Message => confirmedSeats is { } seats
        ? $"Capacity cannot go below the {seats} seats already confirmed (or held)."
        : "Capacity cannot be lowered right now: the registration service did not say how many seats are taken. Try again.";

    public bool IsBroken() => confirmedSeats is not { } seats || proposed.Seats < seats;
}
