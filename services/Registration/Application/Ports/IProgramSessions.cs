using EventPlatform.Registrations.Domain.Sessions;

namespace EventPlatform.Registrations.Application.Ports;

/// <summary>Program's sessions, as registration reads them; ids program does not know are left out.</summary>
public interface IProgramSessions
{
    Task<IReadOnlyList<Session>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The event's scheduled sessions.</summary>
    Task<IReadOnlyList<Session>> OfEventAsync(Guid eventId, CancellationToken cancellationToken);
}
