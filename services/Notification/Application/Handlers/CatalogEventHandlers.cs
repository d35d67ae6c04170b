using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging.Handling;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Infrastructure;

namespace EventPlatform.Notification.Application.Handlers;

/// <summary>
/// Keeps what messages say of each event (title, dates, place) and whose it is. Attendees of a cancelled event hear of
/// it through their registration's cancellation, which also says what is refunded.
/// </summary>
public sealed class CatalogEventHandlers(NotificationDbContext db) :
    IIntegrationEventHandler<EventPublished>, IIntegrationEventHandler<EventUpdated>, IIntegrationEventHandler<EventCancelled>,
    IIntegrationEventHandler<RegistrationsClosed>
{
    public Task HandleAsync(EventPublished message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventUpdated message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(EventCancelled message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    public Task HandleAsync(RegistrationsClosed message, IntegrationEventContext context, CancellationToken cancellationToken) =>
        ProjectAsync(message.Event, cancellationToken);

    private async Task ProjectAsync(Event e, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(e.Id);
        var known = await db.Events.FindAsync([id], cancellationToken);
        if (known is null)
        {
            known = EventInfo.Of(id);
            db.Events.Add(known);
        }

        known.Update(
            e.OrganizerId, e.OwnerId, e.Title, e.StartTime.ToDateTimeOffset(), e.EndTime.ToDateTimeOffset(), e.TimeZone, LocationOf(e),
            e.Status == EventStatus.Cancelled);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string LocationOf(Event e) => e.Venue is { Name.Length: > 0 } venue
        ? string.Join(", ", new[] { venue.Name, venue.Address?.Line1, venue.Address?.City }.Where(p => !string.IsNullOrWhiteSpace(p)))
        : e.OnlineUrl;
}
