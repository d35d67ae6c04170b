using EventPlatform.Registrations.Domain.Sessions;

namespace EventPlatform.Registrations.Application.Ports;

/// <summary>
/// The seats of the sessions attendees choose, in the caller's transaction. Callers change several sessions in session
/// id order, so two transactions never wait for each other's rows crosswise.
/// </summary>
public interface ISessionSeatLedger
{
    /// <summary>Creates each session's row, or brings its capacity in line with program's.</summary>
    Task RecordAsync(IEnumerable<Session> sessions, CancellationToken cancellationToken);

    /// <summary>Takes one seat if the session has one free (or is unlimited); false when full or unknown here.</summary>
    Task<bool> TryTakeAsync(string sessionId, CancellationToken cancellationToken);

    Task ReleaseAsync(string sessionId, CancellationToken cancellationToken);
}
