using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Application;

public sealed record EventMessageDraft(
    Guid EventId, string Subject, string BodyText, string? BodyHtml, AudienceKind Audience, IReadOnlyList<string> SessionIds,
    IReadOnlyList<DeliveryChannel> Channels);

/// <summary>What callers change: their notifications read, an organizer's message sent, a failed email sent again.</summary>
public sealed class NotificationCommands(CommandPipeline<NotificationDbContext> pipeline, WorkSignal<Sending.DeliveryWork> signal, TimeProvider clock)
{
    private NotificationDbContext Db => pipeline.Db;

    public Task<InAppNotification> MarkReadAsync(Guid id, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var notification = await Db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == caller.Subject, token)
                ?? throw new NotFoundException("notification", id.ToString());
            notification.MarkRead(clock.GetUtcNow());
            return notification;
        }, cancellationToken);

    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Db.Notifications.Where(n => n.RecipientId == caller.Subject && n.ReadTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadTime, now), cancellationToken);
    }

    /// <summary>Written now; its audience is resolved and its deliveries created in the background, once per person.</summary>
    public async Task<EventMessage> SendEventMessageAsync(string requestId, EventMessageDraft draft, Caller caller, CancellationToken cancellationToken)
    {
        NotificationAccess.MustOrganize(caller, await Db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == draft.EventId, cancellationToken));
        var message = await pipeline.CreateOnceAsync(requestId, (context, _) =>
        {
            var written = EventMessage.Write(
                draft.EventId, caller.Subject, draft.Subject, draft.BodyText, draft.BodyHtml, draft.Audience, draft.SessionIds, draft.Channels,
                clock.GetUtcNow());
            Db.EventMessages.Add(written);
            context.AfterCommit(() =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
            return Task.FromResult(written);
        }, cancellationToken);
        return message;
    }

    /// <summary>A failed email goes out again; one already sent is returned as it is.</summary>
    public Task<Delivery> RetryDeliveryAsync(Guid id, Caller? caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (context, token) =>
        {
            var delivery = await Db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, token) ?? throw new NotFoundException("delivery", id.ToString());
            if (caller is not null)
            {
                NotificationAccess.MustOrganize(caller, await Db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == delivery.EventId, token));
            }

            delivery.Retry(clock.GetUtcNow());
            context.AfterCommit(() =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
            return delivery;
        }, cancellationToken);
}
