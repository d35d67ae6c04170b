namespace EventPlatform.Registrations.Application.Ports;

public enum SeatGateAnswer
{
    Granted,
    NoSeat,

    /// <summary>The gate has no count for the event (never built, or its store lost its data).</summary>
    Unknown,
}

/// <summary>
/// The fast gate in front of the seat ledger: a counter of free seats per event, taken atomically, so a sold-out event
/// answers "no seat" without touching PostgreSQL. It may only err on the generous side (the ledger has the last word).
/// </summary>
public interface ISeatGate
{
    /// <summary>A grant also marks the event busy for <paramref name="busyFor"/>: the attempt may still be on its way to the ledger.</summary>
    Task<SeatGateAnswer> TryTakeAsync(Guid eventId, TimeSpan busyFor);

    /// <summary>After a release committed in the ledger, or a granted seat was not used after all.</summary>
    Task GiveBackAsync(Guid eventId, int seats = 1);

    /// <summary>Whether a seat was granted within the busy period (the ledger may show it free while it is spoken for).</summary>
    Task<bool> IsBusyAsync(Guid eventId);

    /// <summary>Drops the count: the next attempt rebuilds it from the ledger (after capacity was lowered).</summary>
    Task ForgetAsync(Guid eventId);

    /// <summary>
    /// Sets the count from the ledger's free seats under a short lock, so replicas rebuilding at once do not overwrite
    /// each other with stale reads. False when another replica holds the lock (try again).
    /// </summary>
    /// <param name="overwrite">Reconciliation overwrites a drifted count; a rebuild only fills a missing one.</param>
    Task<bool> RebuildAsync(Guid eventId, Func<Task<int?>> freeSeatsInLedger, bool overwrite);
}
