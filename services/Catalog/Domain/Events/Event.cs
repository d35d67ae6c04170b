namespace EventPlatform.Catalog.Domain.Events;

/// <summary>
/// An event an organizer runs: what, where, when, for how many and at what price, and where it stands in its
/// life (Draft → Published → RegistrationsClosed → Completed, or Cancelled).
/// </summary>
public sealed class Event
{
    private Event()
    {
    }

    public EventId Id { get; private set; }

    public string OrganizerId { get; private set; } = "";

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

    public static Event CreateDraft(EventId id, string organizerId, EventDetails details, DateTimeOffset now) => new()
    {
        Id = id,
        OrganizerId = organizerId,
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
