using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>
/// An event an organizer runs: what, where, when, for how many and at what price, and where it stands in its
/// life: Draft → Published → RegistrationsClosed → Completed, and Draft/Published → Cancelled.
/// </summary>
public sealed class Event : AggregateRoot
{
    private Event()
    {
    }

    public EventId Id { get; private set; }

    public OrganizerId OrganizerId { get; private set; }

    /// <summary>The person who manages the event: its organizer's owner.</summary>
    public string OwnerId { get; private set; } = "";

    public EventTitle Title { get; private set; } = null!;

    public string Description { get; private set; } = "";

    public Location Location { get; private set; } = null!;

    public EventSchedule Schedule { get; private set; } = null!;

    public RegistrationWindow RegistrationWindow { get; private set; } = null!;

    public EventCapacity Capacity { get; private set; }

    /// <summary>Null for a free event.</summary>
    public Price? Price { get; private set; }

    public RefundTerms RefundTerms { get; private set; } = RefundTerms.NoRefund;

    public bool ApprovalRequired { get; private set; }

    public bool WaitlistEnabled { get; private set; }

    public EventStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsFree => Price is null;

    /// <summary>Published or beyond: people may hold registrations for it.</summary>
    public bool HasBeenPublished => PublishedAt is not null;

    public static Event CreateDraft(EventId id, Organizer organizer, EventDetails details, DateTimeOffset now) => new()
    {
        Id = id,
        OrganizerId = organizer.Id,
        OwnerId = organizer.OwnerId,
        Title = details.Title,
        Description = details.Description,
        Location = details.Location,
        Schedule = details.Schedule,
        RegistrationWindow = details.RegistrationWindow,
        Capacity = details.Capacity,
        Price = details.Price,
        RefundTerms = details.RefundTerms,
        ApprovalRequired = details.ApprovalRequired,
        WaitlistEnabled = details.WaitlistEnabled,
        Status = EventStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Publish(DateTimeOffset now)
    {
        BusinessRule.Check(new OnlyDraftEventsCanBePublishedRule(Status));
        BusinessRule.Check(new EndedEventsCannotBePublishedRule(Schedule, now));
        Status = EventStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
        Raise(new EventPublished(this));
    }

    public void CloseRegistrations(DateTimeOffset now)
    {
        BusinessRule.Check(new OnlyPublishedEventsCanCloseRegistrationsRule(Status));
        Status = EventStatus.RegistrationsClosed;
        UpdatedAt = now;
        Raise(new EventRegistrationsClosed(this));
    }

    public void Complete(DateTimeOffset now)
    {
        BusinessRule.Check(new OnlyEventsWithClosedRegistrationsCanBeCompletedRule(Status));
        Status = EventStatus.Completed;
        UpdatedAt = now;
        Raise(new EventCompleted(this));
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        var why = reason?.Trim() ?? "";
        BusinessRule.Check(new CancellationNeedsAReasonRule(why));
        BusinessRule.Check(new OnlyDraftOrPublishedEventsCanBeCancelledRule(Status));
        var wasPublished = HasBeenPublished;
        Status = EventStatus.Cancelled;
        CancellationReason = why;
        UpdatedAt = now;
        Raise(new EventCancelled(this, wasPublished));
    }

    /// <summary>Throws unless the event may be deleted: only a draft, which nobody could register for.</summary>
    public void EnsureDeletable() => BusinessRule.Check(new OnlyDraftEventsCanBeDeletedRule(Status));

    /// <summary>
    /// Applies the given changes and returns the names of the parts that changed (Title, Schedule…). After publication
    /// only what keeps existing registrations valid may change; confirmedSeats must then be known to lower capacity.
    /// </summary>
    public IReadOnlyList<string> Update(EventChanges changes, int? confirmedSeats, DateTimeOffset now)
    {
        BusinessRule.Check(new FinishedEventsCannotBeEditedRule(Status));
        var changed = new List<string>();

        var schedule = changes.Schedule ?? Schedule;
        var window = RegistrationWindow.Create(
            changes.RegistrationOpens ?? RegistrationWindow.Opens, changes.RegistrationCloses ?? RegistrationWindow.Closes, schedule);
        if (HasBeenPublished)
        {
            BusinessRule.Check(new PriceCannotChangeAfterPublicationRule(Price, changes.Price ?? Price));
            BusinessRule.Check(new RefundTermsCannotChangeAfterPublicationRule(RefundTerms, changes.RefundTerms ?? RefundTerms));
            if (changes.Capacity is { } lowered && lowered.Seats < Capacity.Seats)
            {
                BusinessRule.Check(new CapacityMustCoverConfirmedSeatsRule(lowered, confirmedSeats));
            }
        }

        Set(changes.Title, Title, v => Title = v, nameof(Title));
        Set(changes.Description, Description, v => Description = v, nameof(Description));
        Set(changes.Location, Location, v => Location = v, nameof(Location));
        Set(changes.Schedule, Schedule, v => Schedule = v, nameof(Schedule));
        Set(window, RegistrationWindow, v => RegistrationWindow = v, nameof(RegistrationWindow));
        SetValue(changes.Capacity, Capacity, v => Capacity = v, nameof(Capacity));
        Set(changes.Price, Price, v => Price = v, nameof(Price));
        Set(changes.RefundTerms, RefundTerms, v => RefundTerms = v, nameof(RefundTerms));
        SetValue(changes.ApprovalRequired, ApprovalRequired, v => ApprovalRequired = v, nameof(ApprovalRequired));
        SetValue(changes.WaitlistEnabled, WaitlistEnabled, v => WaitlistEnabled = v, nameof(WaitlistEnabled));
        if (changed.Count > 0)
        {
            UpdatedAt = now;
            Raise(new EventChanged(this, changed));
        }

        return changed;

        void Set<T>(T? proposed, T? current, Action<T> apply, string name) where T : class
        {
            if (proposed is not null && !Equals(proposed, current))
            {
                apply(proposed);
                changed.Add(name);
            }
        }

        void SetValue<T>(T? proposed, T current, Action<T> apply, string name) where T : struct
        {
            if (proposed is { } value && !value.Equals(current))
            {
                apply(value);
                changed.Add(name);
            }
        }
    }
}

/// <summary>
/// What an organizer describes about an event. Each part is a value object that already holds its own rules; the
/// registration window is checked against the schedule when it is built.
/// </summary>
public sealed record EventDetails(
    EventTitle Title,
    string Description,
    Location Location,
    EventSchedule Schedule,
    RegistrationWindow RegistrationWindow,
    EventCapacity Capacity,
    Price? Price,
    RefundTerms RefundTerms,
    bool ApprovalRequired,
    bool WaitlistEnabled);

/// <summary>An edit of an event: each null part stays as it is.</summary>
public sealed record EventChanges(
    EventTitle? Title = null,
    string? Description = null,
    Location? Location = null,
    EventSchedule? Schedule = null,
    DateTimeOffset? RegistrationOpens = null,
    DateTimeOffset? RegistrationCloses = null,
    EventCapacity? Capacity = null,
    Price? Price = null,
    RefundTerms? RefundTerms = null,
    bool? ApprovalRequired = null,
    bool? WaitlistEnabled = null);
