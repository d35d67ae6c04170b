using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Events;
using EventPlatform.Payment.Domain.Payments;

namespace EventPlatform.Payment.Application;

/// <summary>Who calls, reduced to what payment decides on (kept free of ASP.NET types).</summary>
public sealed record Caller(string Subject, bool IsAdmin);

/// <summary>
/// An attendee sees their own payments and refunds; the event's organizer (its owner) or an admin, all of the event's.
/// Only the paying attendee gets what pays (client secret, checkout and authentication links).
/// </summary>
public static class PaymentAccess
{
    public static bool MaySee(Caller caller, string attendeeId, EventDetails? e) =>
        caller.IsAdmin || caller.Subject == attendeeId || (e is not null && caller.Subject == e.OwnerId);

    public static bool IsPayer(Caller caller, PaymentIntent intent) => caller.Subject == intent.AttendeeId;

    public static void MustPay(Caller caller, PaymentIntent intent)
    {
        if (!IsPayer(caller, intent))
        {
            throw new PermissionDeniedException("Only the attendee of this registration pays for it.");
        }
    }

    public static void MustOrganize(Caller caller, EventDetails? e)
    {
        if (!caller.IsAdmin && (e is null || caller.Subject != e.OwnerId))
        {
            throw new PermissionDeniedException("Only the event's organizer (or an admin) may do this.");
        }
    }
}
