namespace EventPlatform.Notification.Application.Ports;

public sealed record AttendeeContact(Guid RegistrationId, string AttendeeId, string Name, string Email, string Locale);

/// <summary>Registration's attendees: the confirmed ones of an event or of some of its sessions (who a change concerns), or one by registration.</summary>
public interface IAttendees
{
    /// <summary>Null when registration does not know it.</summary>
    Task<AttendeeContact?> FindAsync(Guid registrationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AttendeeContact>> ListAsync(Guid eventId, IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);
}
