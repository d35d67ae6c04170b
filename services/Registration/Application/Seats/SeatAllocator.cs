using EventPlatform.Registrations.Application.Ports;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Registrations.Application.Seats;

/// <summary>
/// Takes seats for registrations: the gate first (cheap "no" once an event is full), then the ledger's guarded
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
    public async Task<bool> TryTakeAsync(Guid eventId, CommandContext command, CancellationToken cancellationToken) =>
        (await TakeAsync(eventId, [await AskGateAsync(eventId, cancellationToken)], command, cancellationToken))[0];

    /// <summary>The gate's answer for one attempt; Unknown only when it could not be rebuilt (the ledger then decides alone).</summary>
    public async Task<SeatGateAnswer> AskGateAsync(Guid eventId, CancellationToken cancellationToken)
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

        return answer;
    }

    /// <summary>
    /// For attempts on one event in arrival order, given the gate's answers: which of them got a seat in the command's
    /// transaction. Those the gate turned away get none; the others are served in order while the ledger has seats,
    /// with one statement for all of them.
    /// </summary>
    public async Task<IReadOnlyList<bool>> TakeAsync(
        Guid eventId, IReadOnlyList<SeatGateAnswer> answers, CommandContext command, CancellationToken cancellationToken)
    {
        var wanted = answers.Count(a => a != SeatGateAnswer.NoSeat);
        int taken;
        try
        {
            taken = wanted == 0 ? 0 : await ledger.TakeUpToAsync(eventId, wanted, cancellationToken);
        }
        catch
        {
            // No answer from the ledger (the caller gave up, the connection broke): the seats the gate granted were not
            // used, and keeping them would turn later attempts away while the ledger still has the seats.
            await GiveBackGrantsAsync(eventId, answers);
            throw;
        }

        if (taken > 0)
        {
            command.OnRollback(() => gate.GiveBackAsync(eventId, taken));
        }

        // The gate granted seats the ledger does not have: its count was too high. Keeping the decrements (instead of
        // giving them back) moves it towards the truth; reconciliation corrects whatever remains.
        if (answers.Count(a => a == SeatGateAnswer.Granted) > taken)
        {
            logger.LogInformation("Seat counter of event {EventId} was ahead of PostgreSQL; kept the correction", eventId);
        }

        var seated = new bool[answers.Count];
        for (int i = 0, given = 0; i < answers.Count && given < taken; i++)
        {
            if (answers[i] != SeatGateAnswer.NoSeat)
            {
                seated[i] = true;
                given++;
            }
        }

        return seated;
    }

    /// <summary>Seats the gate granted to attempts that will not reach the ledger.</summary>
    public async Task GiveBackGrantsAsync(Guid eventId, IReadOnlyList<SeatGateAnswer> answers)
    {
        var granted = answers.Count(a => a == SeatGateAnswer.Granted);
        if (granted > 0)
        {
            await gate.GiveBackAsync(eventId, granted);
        }
    }

    /// <summary>Puts the ledger's free seats into the gate, e.g. after capacity changed or periodically against drift.</summary>
    public Task<bool> RebuildAsync(Guid eventId, bool overwrite, CancellationToken cancellationToken) =>
        gate.RebuildAsync(eventId, () => ledger.FreeSeatsAsync(eventId, cancellationToken), overwrite);
}
