namespace EventPlatform.Notification.Domain.Events;

public enum RecipientStatus
{
    Active = 1,
    Confirmed = 2,
    Waitlisted = 3,
    Closed = 4,
}

/// <summary>A registration as notification follows it from registration's events: whom to write to, and in which language.</summary>
public sealed class Recipient
{
    private Recipient()
    {
    }

    public Guid RegistrationId { get; private set; }

    public Guid EventId { get; private set; }

    public string AttendeeId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string Locale { get; private set; } = "en";

    public RecipientStatus Status { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public static Recipient Of(Guid registrationId, Guid eventId) => new() { RegistrationId = registrationId, EventId = eventId };

    /// <summary>Events of one registration may be handled out of order only across restarts: the newest update wins.</summary>
    public void Update(string attendeeId, string name, string email, string locale, RecipientStatus status, DateTimeOffset updateTime)
    {
        if (updateTime < UpdateTime)
        {
            return;
        }

        AttendeeId = attendeeId;
        Name = name;
        Email = email;
        Locale = locale;
        Status = status;
        UpdateTime = updateTime;
    }
}
