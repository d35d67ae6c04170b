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
    /// <summary>Each registration with its waitlist position (0 when not waitlisted), in the group's order.</summary>
    public Task<IReadOnlyList<(Registration Registration, int WaitlistPosition)>> CommitAsync(
        IReadOnlyList<QueuedRegistration> group, CancellationToken cancellationToken) =>
        pipeline.RunAsync<IReadOnlyList<(Registration, int)>>(async (context, token) =>
        {
            var eventId = group[0].Policy.EventId;
            var seated = await seats.TakeAsync(eventId, group.Select(q => q.Gate).ToList(), context, token);
            var waitlisted = group.Where((q, i) => !seated[i] && Registration.MayBeWaitlisted(q.Policy)).Count();
            var drawn = waitlisted == 0 ? [] : await ledger.NextWaitlistTicketsAsync(waitlisted, token);
            var (tickets, places) = (new Queue<long>(drawn), new Queue<int>(await positions.OfNewAsync(eventId, drawn, token)));
            var registrations = new List<(Registration, int)>(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                var (command, policy, now) = (group[i].Command, group[i].Policy, group[i].Now);
                long? ticket = !seated[i] && Registration.MayBeWaitlisted(policy) ? tickets.Dequeue() : null;
                var registration = Registration.Request(
                    Guid.CreateVersion7(now), command.RequestId, command.Attendee, policy, command.SessionIds, command.NoteToOrganizer,
                    seated[i], ticket, now, command.BillingDetails);
                pipeline.Db.Registrations.Add(registration);
                await pipeline.EnqueueRaisedEventsAsync(group[i].Caller, token);
                registrations.Add((registration, ticket is null ? 0 : places.Dequeue()));
            }

            return registrations;
        }, cancellationToken);
}
