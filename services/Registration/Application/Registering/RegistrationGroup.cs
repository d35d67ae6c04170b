using EventPlatform.Domain;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;

namespace EventPlatform.Registrations.Application.Registering;

/// <summary>
/// Registrations of one event decided and saved in one transaction: one statement takes the seats for all of them
/// (served in arrival order), one draws the waitlist tickets, one batch inserts the rows and their events. The event's
/// seat row is then locked once per group rather than once per registration, for the length of one commit.
/// </summary>
public sealed class RegistrationGroup(
    CommandPipeline<RegistrationDbContext> pipeline, SeatAllocator seats, ISeatLedger ledger, WaitlistPositions positions)
{
    /// <summary>
    /// Each registration with its waitlist position (0 when not waitlisted), in the group's order; or, for a member
    /// that got no seat and that the event refuses then (full without a waitlist), the refusal, which it gets alone.
    /// </summary>
    /// <param name="answers">The gate's answer for each, in the group's order (see <see cref="GroupPlan"/>).</param>
    public async Task<IReadOnlyList<GroupMemberOutcome>> CommitAsync(
        IReadOnlyList<QueuedRegistration> group, IReadOnlyList<SeatGateAnswer> answers, CancellationToken cancellationToken)
    {
        var reachedLedger = false;
        try
        {
            return await CommitOnceAsync(group, answers, () => reachedLedger = true, cancellationToken);
        }
        catch when (!reachedLedger)
        {
            // Failed before the ledger was asked (cancelled or no connection while opening the transaction): the seats
            // the gate granted were not used. Past that point the allocator gives them back itself.
            await seats.GiveBackGrantsAsync(group[0].Policy.EventId, answers);
            throw;
        }
    }

    private Task<IReadOnlyList<GroupMemberOutcome>> CommitOnceAsync(
        IReadOnlyList<QueuedRegistration> group, IReadOnlyList<SeatGateAnswer> answers, Action reachingLedger, CancellationToken cancellationToken) =>
        pipeline.RunAsync<IReadOnlyList<GroupMemberOutcome>>(async (context, token) =>
        {
            var eventId = group[0].Policy.EventId;
            reachingLedger();
            var seated = await seats.TakeAsync(eventId, answers, context, token);
            var waitlisting = group.Select((q, i) => !seated[i] && Registration.MayBeWaitlisted(q.Policy)).ToList();
            var waitlisted = waitlisting.Count(w => w);
            var drawn = waitlisted == 0 ? [] : await ledger.NextWaitlistTicketsAsync(waitlisted, token);
            var (tickets, places) = (new Queue<long>(drawn), new Queue<int>(await positions.OfNewAsync(eventId, drawn, token)));
            var outcomes = new List<GroupMemberOutcome>(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                long? ticket = waitlisting[i] ? tickets.Dequeue() : null;
                Registration registration;
                try
                {
                    registration = group[i].Command.Request(group[i].Policy, seated[i], ticket, group[i].Now);
                }
                catch (BusinessRuleBrokenException refusal) when (!seated[i])
                {
                    // It took nothing (no seat, no ticket): the others need not fail with it.
                    outcomes.Add(new GroupMemberOutcome(null, 0, refusal));
                    continue;
                }

                var place = waitlisting[i] ? places.Dequeue() : 0;
                positions.Remember(registration.Id, place);
                pipeline.Db.Registrations.Add(registration);
                await pipeline.EnqueueRaisedEventsAsync(registration, group[i].Caller, token);
                outcomes.Add(new GroupMemberOutcome(registration, place, null));
            }

            return outcomes;
        }, cancellationToken);
}

/// <summary>What one member of a group got: its registration and waitlist position, or the rule that refused it.</summary>
public sealed record GroupMemberOutcome(Registration? Registration, int WaitlistPosition, BusinessRuleBrokenException? Refusal);
