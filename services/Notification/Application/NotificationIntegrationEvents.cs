using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.ServiceDefaults.Commands;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Notification.V1;

namespace EventPlatform.Notification.Application;

/// <summary>Each delivery's outcome, keyed by its catalog event.</summary>
public sealed class NotificationIntegrationEvents : IIntegrationEventMapper
{
    public Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(domainEvents.Select(Map).OfType<OutgoingEvent>().ToList());

    private static OutgoingEvent? Map(IDomainEvent domainEvent) => domainEvent switch
    {
        DeliverySent e => new OutgoingEvent(
            new Proto.DeliverySent
            {
                EventId = e.Delivery.EventId.ToString(),
                DeliveryId = e.Delivery.Id.ToString(),
                Channel = NotificationContract.ToContract(e.Delivery.Channel),
                Kind = NotificationContract.ToContract(e.Delivery.Kind),
                RecipientId = e.Delivery.RecipientId,
                RecipientEmail = e.Delivery.RecipientEmail,
                CauseId = e.Delivery.CauseId,
                ProviderMessageId = e.Delivery.ProviderMessageId,
                SendTime = Timestamp.FromDateTimeOffset(e.Delivery.SendTime ?? e.Delivery.CreateTime),
            },
            e.Delivery.EventId.ToString(), e.Delivery.RecipientId),
        DeliveryFailed e => new OutgoingEvent(
            new Proto.DeliveryFailed
            {
                EventId = e.Delivery.EventId.ToString(),
                DeliveryId = e.Delivery.Id.ToString(),
                Channel = NotificationContract.ToContract(e.Delivery.Channel),
                Kind = NotificationContract.ToContract(e.Delivery.Kind),
                RecipientId = e.Delivery.RecipientId,
                RecipientEmail = e.Delivery.RecipientEmail,
                CauseId = e.Delivery.CauseId,
                AttemptCount = e.Delivery.AttemptCount,
                LastError = e.Delivery.LastError,
                Permanent = e.Permanent,
                FailTime = Timestamp.FromDateTimeOffset(e.Delivery.NextAttemptTime),
            },
            e.Delivery.EventId.ToString(), e.Delivery.RecipientId),
        _ => null,
    };
}
