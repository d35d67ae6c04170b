using EventPlatform.Registrations.Application.Ports;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Registrations.Application.Seats;

/// <summary>
/// Takes a seat for a registration: the gate first (cheap "no" once an event is full), then the ledger's guarded
/// UPDATE in the command's transaction, which alone decides. Confirmed + held never exceeds capacity because only the
/// ledger counts a seat; the gate can only turn people away early.
/// </summary>
public sealed class SeatAllocator(ISeatLedger ledger, ISeatGate gate, IOptions<RegistrationOptions> options, ILogger<SeatAllocator> logger)
{
    private const int RebuildAttempts = 50;
    private static readonly TimeSpan RebuildRetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// True when a seat was taken in the command's transaction; should that transaction not commit, the seat goes back
    /// to the gate.
    /// </summary>
    public async Task<bool> TryTakeAsync(Guid eventId, CommandContext command, CancellationToken cancellationToken)
    {
        var busyFor = options.Value.ReconciliationQuietPeriod;
        var answer = await gate.TryTakeAsync(eventId, busyFor);
        for (var attempt = 0; answer == SeatGateAnswer.Unknown && attempt < RebuildAttempts; attempt++)
        {
            if (!await RebuildAsync(eventId, overwrite: false, cancellationToken))
            {
                await Task.Delay(RebuildRetryDelay, cancellationToken);
            }

            answer = await gate.TryTakeAsync(eventId, busyFor);
        }

        if (answer == SeatGateAnswer.NoSeat)
        {
            return false;
        }

        // Still unknown after the retries (the gate degraded): the ledger alone decides, which stays safe.
        bool taken;
        try
        {
            taken = await ledger.TryTakeAsync(eventId, cancellationToken);
        }
        catch when (answer == SeatGateAnswer.Granted)
        {
            // No answer from the ledger (the caller gave up, the connection broke): the seat the gate granted was not
            // used, and keeping it would turn later attempts away while the ledger still has the seat.
            await gate.GiveBackAsync(eventId);
            throw;
        }

        if (taken)
        {
            command.OnRollback(() => gate.GiveBackAsync(eventId));
            return true;
        }

        // The gate granted a seat the ledger does not have: its count was too high. Keeping the decrement (instead of
        // giving it back) moves it towards the truth; reconciliation corrects whatever remains.
        if (answer == SeatGateAnswer.Granted)
        {
            logger.LogInformation("Seat counter of event {EventId} was ahead of PostgreSQL; kept the correction", eventId);
        }

        return false;
    }

    /// <summary>Puts the ledger's free seats into the gate, e.g. after capacity changed or periodically against drift.</summary>
    public Task<bool> RebuildAsync(Guid eventId, bool overwrite, CancellationToken cancellationToken) =>
        gate.RebuildAsync(eventId, () => ledger.FreeSeatsAsync(eventId, cancellationToken), overwrite);
}
