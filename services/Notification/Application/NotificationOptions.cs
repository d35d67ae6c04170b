namespace EventPlatform.Notification.Application;

public sealed class NotificationOptions
{
    /// <summary>The public web address (the BFF) that links in messages start with.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5000";

    /// <summary>How long before an event starts its reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the sender looks for due emails when nothing woke it.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many emails one replica sends at once (each over its own SMTP connection).</summary>
    public int SendConcurrency { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(2);

    public int MaxAttempts { get; set; } = 12;
}
