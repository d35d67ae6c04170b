using EventPlatform.Domain;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.ServiceDefaults.Commands;
using Google.Protobuf;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// What registration tells other services about a registration, keyed by its event (so everything about one event
/// stays in order) with the registration as subject. A request, an approval or a promotion is followed by its outcome
/// when it settled one: RegistrationConfirmed or Waitlisted.
/// </summary>
public sealed class RegistrationIntegrationEvents(WaitlistPositions positions) : IIntegrationEventMapper
{
    public async Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        var outgoing = new List<OutgoingEvent>();
        foreach (var domainEvent in domainEvents)
        {
            outgoing.AddRange(domainEvent switch
            {
                RegistrationRequested e => await WithOutcomeAsync(e.Registration, c => new Proto.RegistrationRequested { EventId = c.EventId, Registration = c }, cancellationToken),
                RegistrationApproved e => await WithOutcomeAsync(e.Registration, c => new Proto.RegistrationApproved { EventId = c.EventId, Registration = c }, cancellationToken),
                RegistrationPromotedFromWaitlist e => await WithOutcomeAsync(e.Registration, c => new Proto.PromotedFromWaitlist { EventId = c.EventId, Registration = c }, cancellationToken),
                RegistrationRejected e => [Of(e.Registration, new Proto.RegistrationRejected
                {
                    EventId = e.Registration.EventId.ToString(), Registration = e.Registration.ToContract(), SeatReleased = e.SeatReleased,
                })],
                RegistrationCancelled e => [Of(e.Registration, new Proto.RegistrationCancelled
                {
                    EventId = e.Registration.EventId.ToString(),
                    Registration = e.Registration.ToContract(),
                    PreviousStatus = RegistrationContract.ToContract(e.PreviousStatus),
                    SeatReleased = e.SeatReleased,
                    RefundAmount = e.RefundDue is { } refund
                        ? new Contracts.Common.V1.Money { AmountMinor = refund.AmountMinor, Currency = refund.Currency }
                        : null,
                })],
                RegistrationExpired e => [Of(e.Registration, new Proto.RegistrationExpired { EventId = e.Registration.EventId.ToString(), Registration = e.Registration.ToContract() })],
                RegistrationPaid e => [Of(e.Registration, new Proto.RegistrationConfirmed { EventId = e.Registration.EventId.ToString(), Registration = e.Registration.ToContract() })],
                _ => [],
            });
        }

        return outgoing;
    }

    private async Task<IEnumerable<OutgoingEvent>> WithOutcomeAsync(
        Registration r, Func<Proto.Registration, IMessage> message, CancellationToken cancellationToken)
    {
        var contract = r.ToContract(await positions.OfAsync(r, cancellationToken));
        List<OutgoingEvent> events = [Of(r, message(contract))];
        switch (r.Status)
        {
            case RegistrationStatus.Confirmed:
                events.Add(Of(r, new Proto.RegistrationConfirmed { EventId = contract.EventId, Registration = contract }));
                break;
            case RegistrationStatus.Waitlisted:
                events.Add(Of(r, new Proto.Waitlisted { EventId = contract.EventId, Registration = contract }));
                break;
        }

        return events;
    }

    private static OutgoingEvent Of(Registration r, IMessage message) => new(message, r.EventId.ToString(), r.Id.ToString());
}
