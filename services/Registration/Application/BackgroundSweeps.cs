using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Registrations.Application;

public sealed class RegistrationOptions
{
    /// <summary>How long a paid seat is held for the attendee to pay (catalog does not set one per event).</summary>
    public TimeSpan HoldDuration { get; set; } = CapacityPolicy.DefaultHoldDuration;

    /// <summary>How often lapsed holds are looked for: a hold lapses at most this late.</summary>
    public TimeSpan HoldExpiryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often Redis seat counters are reset from PostgreSQL and lagging waitlists served.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reconciliation leaves an event alone until this long after its last grant: longer than any registration call
    /// may last (the default gRPC deadline is 15 s), so no granted attempt is still on its way to PostgreSQL.
    /// </summary>
    public TimeSpan ReconciliationQuietPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registrations this instance works on at once; more wait their turn. Below the database pool (100), so that the
    /// group commit, which answers all of them, always finds a connection however many attendees arrive together.
    /// </summary>
    public int MaxRegistrationsInFlight { get; set; } = 64;

    /// <summary>How long a registration waits for its turn before it is told to retry (UNAVAILABLE, HTTP 503).</summary>
    public TimeSpan AdmissionWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often Pending registrations whose payment was not opened yet (promotions, payment down) are opened.</summary>
    public TimeSpan PaymentOpeningInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Runs <see cref="HoldExpiry"/>.</summary>
public sealed class HoldExpiryService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<RegistrationOptions> options, ILogger<HoldExpiryService> logger)
    : PeriodicSweep(scopes, clock, logger, options.Value.HoldExpiryInterval, "Expiring lapsed seat holds")
{
    protected override async Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var expired = await services.GetRequiredService<HoldExpiry>().ExpireDueAsync(cancellationToken);
        if (expired > 0)
        {
            logger.LogInformation("{Count} seat holds lapsed and were passed on", expired);
        }
    }
}

/// <summary>Runs <see cref="PaymentOpener"/>.</summary>
public sealed class PaymentOpeningService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<RegistrationOptions> options, ILogger<PaymentOpeningService> logger)
    : PeriodicSweep(scopes, clock, logger, options.Value.PaymentOpeningInterval, "Opening payments")
{
    protected override Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PaymentOpener>().OpenDueAsync(cancellationToken);
}

/// <summary>
/// Corrects what the fast path cannot: a Redis counter that drifted (a replica died between a grant and its
/// transaction's outcome) and waitlisted people left waiting while PostgreSQL has free seats.
/// </summary>
public sealed class SeatReconciliationService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<RegistrationOptions> options, ILogger<SeatReconciliationService> logger)
    : PeriodicSweep(scopes, clock, logger, options.Value.ReconciliationInterval, "Seat reconciliation")
{
    protected override Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SeatReconciliation>().ReconcileAllAsync(cancellationToken);
}

public sealed class SeatReconciliation(
    CommandPipeline<RegistrationDbContext> pipeline, ISeatLedger ledger, Waitlist waitlist, SeatAllocator seats, ISeatGate gate)
{
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        var open = await pipeline.Db.CapacityPolicies.AsNoTracking()
            .Where(p => p.Status == EventRegistrationStatus.Open).Select(p => p.EventId).ToListAsync(cancellationToken);
        foreach (var eventId in open)
        {
            await ReconcileAsync(eventId, cancellationToken);
        }
    }

    /// <summary>
    /// Only a quiet event: during a rush the ledger shows free the seats that granted attempts are about to take, and
    /// promoting the waitlist into them would turn those attempts away.
    /// </summary>
    public async Task ReconcileAsync(Guid eventId, CancellationToken cancellationToken)
    {
        if (await gate.IsBusyAsync(eventId))
        {
            return;
        }

        await pipeline.RunAsync(async (_, token) =>
        {
            await ledger.LockAsync(eventId, token);
            var policy = await pipeline.Db.CapacityPolicies.SingleAsync(p => p.EventId == eventId, token);
            return await waitlist.PromoteWhileSeatsFreeAsync(policy, token);
        }, cancellationToken);
        await seats.RebuildAsync(eventId, overwrite: true, cancellationToken);
    }
}
