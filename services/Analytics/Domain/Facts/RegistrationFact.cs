namespace EventPlatform.Analytics.Domain.Facts;

public enum RegistrationState
{
    AwaitingApproval,
    Pending,
    Confirmed,
    Waitlisted,
    Cancelled,
    Expired,
    Rejected,
}

/// <summary>
/// One registration as its newest snapshot describes it (every registration event carries the whole registration
/// with its update time): replays, duplicates and reordering all end in the same row.
/// </summary>
public sealed class RegistrationFact
{
    private RegistrationFact()
    {
    }

    public Guid RegistrationId { get; private set; }

    public Guid EventId { get; private set; }

    public RegistrationState State { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    /// <summary>Set once it was confirmed, also if cancelled later: the request converted.</summary>
    public DateTimeOffset? ConfirmTime { get; private set; }

    public DateTimeOffset? CloseTime { get; private set; }

    public bool PromotedFromWaitlist { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; } = DateTimeOffset.MinValue;

    public static RegistrationFact Of(Guid registrationId, Guid eventId) => new() { RegistrationId = registrationId, EventId = eventId };

    public void Apply(
        RegistrationState state, DateTimeOffset createTime, DateTimeOffset? confirmTime, DateTimeOffset? closeTime, bool promoted, DateTimeOffset updateTime)
    {
        // Facts that only ever become true are kept from any snapshot, so an older one arriving last loses none.
        ConfirmTime ??= confirmTime;
        PromotedFromWaitlist |= promoted;
        if (updateTime < UpdateTime)
        {
            return;
        }

        State = state;
        CreateTime = createTime;
        ConfirmTime = confirmTime ?? ConfirmTime;
        CloseTime = closeTime;
        UpdateTime = updateTime;
    }
}
