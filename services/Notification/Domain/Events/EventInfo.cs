namespace EventPlatform.Notification.Domain.Events;

/// <summary>
/// What notification knows of a catalog event, kept in step with catalog's events: what messages say of it, who
/// organizes it, and whether its reminder went out.
/// </summary>
public sealed class EventInfo
{
    private EventInfo()
    {
    }

    public Guid EventId { get; private set; }

    public string OrganizerId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public DateTimeOffset StartTime { get; private set; }

    public DateTimeOffset EndTime { get; private set; }

    public string TimeZone { get; private set; } = "UTC";

    public string Location { get; private set; } = "";

    public bool Cancelled { get; private set; }

    /// <summary>Set once the reminders were planned: never twice, also across restarts.</summary>
    public DateTimeOffset? ReminderPlannedTime { get; private set; }

    public static EventInfo Of(Guid eventId) => new() { EventId = eventId };

    public void Update(
        string organizerId, string ownerId, string title, DateTimeOffset start, DateTimeOffset end, string timeZone, string location, bool cancelled)
    {
        // A date moved later gets its reminder again at the new time.
        if (ReminderPlannedTime is not null && start > StartTime)
        {
            ReminderPlannedTime = null;
        }

        OrganizerId = organizerId;
        OwnerId = ownerId;
        Title = title;
        StartTime = start;
        EndTime = end;
        TimeZone = timeZone;
        Location = location;
        Cancelled = cancelled;
    }

    /// <summary>Whether the reminder is due now, <paramref name="lead"/> before the start, and not yet planned.</summary>
    public bool ReminderDue(TimeSpan lead, DateTimeOffset now) =>
        !Cancelled && ReminderPlannedTime is null && now >= StartTime - lead && now < StartTime;

    public void ReminderPlanned(DateTimeOffset now) => ReminderPlannedTime = now;
}
