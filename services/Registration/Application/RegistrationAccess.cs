using EventPlatform.Domain;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Registrations;

namespace EventPlatform.Registrations.Application;

/// <summary>An attendee sees and cancels only their own registrations; the event's organizer or an admin, all of its.</summary>
public sealed class RegistrationAccess
{
    public bool MaySee(Caller caller, Registration registration, CapacityPolicy? policy) =>
        caller.IsAdmin || caller.Subject == registration.Attendee.Subject || caller.Subject == policy?.OwnerId;

    public void MustOrganize(Caller caller, CapacityPolicy policy)
    {
        if (!caller.IsAdmin && caller.Subject != policy.OwnerId)
        {
            throw new PermissionDeniedException("Only the event's organizer (or an admin) may do this.");
        }
    }

    public CancellationCause CancellationCauseFor(Caller caller, Registration registration, CapacityPolicy policy)
    {
        if (caller.Subject == registration.Attendee.Subject)
        {
            return CancellationCause.Attendee;
        }

        MustOrganize(caller, policy);
        return CancellationCause.Organizer;
    }
}

/// <summary>Who calls, reduced to what registration decides on (kept free of ASP.NET types).</summary>
public sealed record Caller(string Subject, bool IsAdmin);
