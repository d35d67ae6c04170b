using Microsoft.Extensions.Logging;

namespace EventPlatform.Registration.Infrastructure.Seats;

/// <summary>
/// Takes a seat for a registration: Redis first (cheap "no" once an event is full), then PostgreSQL's guarded UPDATE
/// in the caller's transaction, which alone decides. Confirmed + held never exceeds capacity because only that
/// UPDATE (checked by the table's CHECK) counts a seat; Redis can only turn people away early.
/// </summary>
public sealed class SeatAllocator(SeatLedger ledger, RedisSeatGate gate, ILogger<SeatAllocator> logger)
{
    private const int RebuildAttempts = 50;
    private static readonly TimeSpan RebuildRetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// True when a seat was taken in the current transaction; if that transaction does not commit, the caller gives
    /// the Redis seat back with <see cref="RedisSeatGate.GiveBackAsync"/>.
    /// </summary>
    public async Task<bool> TryTakeAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var answer = await gate.TryTakeAsync(eventId);
        for (var attempt = 0; answer == SeatGateAnswer.Unknown && attempt < RebuildAttempts; attempt++)
        {
            if (!await RebuildAsync(eventId, overwrite: false, cancellationToken))
            {
                await Task.Delay(RebuildRetryDelay, cancellationToken);
            }

            answer = await gate.TryTakeAsync(eventId);
        }

        if (answer == SeatGateAnswer.NoSeat)
        {
            return false;
        }

        // Still unknown after the retries (Redis degraded): PostgreSQL alone decides, which stays safe.
        bool taken;
        try
        {
            taken = await ledger.TryTakeAsync(eventId, cancellationToken);
        }
        catch when (answer == SeatGateAnswer.Granted)
        {
            // No answer from PostgreSQL (the caller gave up, the connection broke): the seat Redis granted was not
            // used, and keeping it would turn later attempts away while PostgreSQL still has the seat.
            await gate.GiveBackAsync(eventId);
            throw;
        }

        if (taken)
        {
            return true;
        }

        // Redis granted a seat PostgreSQL does not have: the counter was too high. Keeping the decrement (instead
        // of giving it back) moves it towards the truth; reconciliation corrects whatever remains.
        if (answer == SeatGateAnswer.Granted)
        {
            logger.LogInformation("Seat counter of event {EventId} was ahead of PostgreSQL; kept the correction", eventId);
        }

        return false;
    }

    /// <summary>Puts PostgreSQL's free seats into Redis, e.g. after capacity changed or periodically against drift.</summary>
    public Task<bool> RebuildAsync(Guid eventId, bool overwrite, CancellationToken cancellationToken) =>
        gate.RebuildAsync(eventId, () => FreeSeatsCommittedAsync(eventId, cancellationToken), overwrite);

    private Task<int?> FreeSeatsCommittedAsync(Guid eventId, CancellationToken cancellationToken) =>
        ledger.FreeSeatsAsync(eventId, cancellationToken);
}
