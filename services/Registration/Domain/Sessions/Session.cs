namespace EventPlatform.Registrations.Domain.Sessions;

/// <summary>
/// A session of an event's program as registration needs it to accept a choice: program owns sessions, registration
/// owns who chose them and how many seats that takes. <see cref="Capacity"/> 0 means unlimited.
/// </summary>
public sealed record Session(
    string Id, Guid EventId, DateTimeOffset StartTime, DateTimeOffset EndTime, int Capacity, bool Plenary, bool Scheduled)
{
    /// <summary>[start, end) intervals: a session ending at 10:00 does not overlap one starting at 10:00.</summary>
    public bool Overlaps(Session other) => StartTime < other.EndTime && other.StartTime < EndTime;
}
