namespace EventPlatform.Notification.Application.Messages;

/// <summary>
/// Where the web front shows an event or a registration, relative to the public base URL. Its pages live behind the
/// hash (<c>/#/events/…</c>): the plain paths of the site are the JSON API.
/// </summary>
public static class WebFrontLinks
{
    public static string Event(Guid eventId) => $"/#/events/{eventId}";

    public static string Registration(Guid registrationId) => $"/#/registrations/{registrationId}";
}
