using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Events;

namespace EventPlatform.Notification.Application;

/// <summary>Who calls, reduced to what notification decides on.</summary>
public sealed record Caller(string Subject, bool IsAdmin);

/// <summary>
/// An organizer (the owner of the event, as catalog says) writes to their events' attendees and reads their
/// deliveries; the organizer's templates are theirs; platform defaults are the admins'.
/// </summary>
public static class NotificationAccess
{
    public static void MustOrganize(Caller caller, EventInfo? e)
    {
        if (!caller.IsAdmin && (e is null || caller.Subject != e.OwnerId))
        {
            throw new PermissionDeniedException("Only the event's organizer (or an admin) may do this.");
        }
    }

    public static void MustManageTemplatesOf(Caller caller, string organizerId, bool ownsOrganizer)
    {
        if (caller.IsAdmin)
        {
            return;
        }

        if (organizerId.Length == 0)
        {
            throw new PermissionDeniedException("Platform default templates are managed by admins.");
        }

        if (!ownsOrganizer)
        {
            throw new PermissionDeniedException("Only the organizer's owner manages its templates.");
        }
    }
}
