using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Application.Sending;

/// <summary>
/// Resolves the audience of organizers' messages still being sent and gives each recipient their deliveries, keyed by
/// message and recipient: a crash halfway resumes where it stopped, and nobody gets a message twice.
/// </summary>
public sealed class EventMessagePlanning(
    CommandPipeline<NotificationDbContext> pipeline, IAttendees attendees, TimeProvider clock)
{
    private NotificationDbContext Db => pipeline.Db;

    public async Task PlanPendingAsync(CancellationToken cancellationToken)
    {
        var sending = await Db.EventMessages.AsNoTracking().Where(m => m.Status == EventMessageStatus.Sending).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in sending)
        {
            await PlanAsync(id, cancellationToken);
        }
    }

    private async Task PlanAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await Db.EventMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var audience = message.Audience == AudienceKind.Waitlisted
            ? await Db.Recipients.AsNoTracking().Where(r => r.EventId == message.EventId && r.Status == RecipientStatus.Waitlisted)
                .Select(r => new AttendeeContact(r.RegistrationId, r.AttendeeId, r.Name, r.Email, r.Locale)).ToListAsync(cancellationToken)
            : await attendees.ListAsync(message.EventId, message.Audience == AudienceKind.SessionAttendees ? message.SessionIds : [], cancellationToken);
        var recipients = audience.DistinctBy(a => a.AttendeeId).ToList();
        await pipeline.RunAsync(async (_, token) =>
        {
            var tracked = await Db.EventMessages.SingleAsync(m => m.Id == id, token);
            var prefix = $"message:{id}/";
            var planned = (await Db.Deliveries.AsNoTracking().Where(d => d.Key.StartsWith(prefix)).Select(d => d.Key).ToListAsync(token)).ToHashSet();
            var now = clock.GetUtcNow();
            var rendered = new RenderedMessage(message.Subject, message.BodyText, message.BodyHtml);
            foreach (var recipient in recipients)
            {
                Plan(message, recipient, rendered, planned, prefix, now);
            }

            tracked.AllPlanned(recipients.Count);
        }, cancellationToken);
    }

    private void Plan(EventMessage message, AttendeeContact recipient, RenderedMessage rendered, HashSet<string> planned, string prefix, DateTimeOffset now)
    {
        foreach (var channel in message.Channels)
        {
            var key = $"{prefix}{recipient.AttendeeId}/{channel}";
            if (!planned.Add(key))
            {
                continue;
            }

            if (channel == DeliveryChannel.Email)
            {
                Db.Deliveries.Add(Delivery.Email(
                    key, message.EventId, MessageKind.OrganizerMessage, recipient.AttendeeId, recipient.Email, message.Id.ToString(), rendered, [], null,
                    message.Id, bulk: true, now));
            }
            else
            {
                var delivery = Delivery.InApp(key, message.EventId, MessageKind.OrganizerMessage, recipient.AttendeeId, message.Id.ToString(), rendered, null, message.Id, now);
                Db.Deliveries.Add(delivery);
                Db.Notifications.Add(InAppNotification.Of(delivery, WebFrontLinks.Event(message.EventId)));
            }
        }
    }
}
