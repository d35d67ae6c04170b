using EventPlatform.Notification.Application.Sending;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Application.Messages;

/// <summary>Someone a message goes to.</summary>
public sealed record MessageRecipient(string Id, string Name, string Email, string Locale, Guid? RegistrationId);

/// <summary>
/// One message to one recipient: <paramref name="CauseId"/> is what caused it (an integration event, a reminder, an
/// organizer's message), the key of its deliveries together with the recipient and the kind.
/// </summary>
public sealed record MessagePlan(
    string CauseId, MessageKind Kind, Guid EventId, MessageRecipient Recipient, IReadOnlyDictionary<string, object?>? Extras = null,
    IReadOnlyList<Attachment>? Attachments = null, bool Email = true, bool InApp = true, bool Bulk = false);

/// <summary>
/// Turns a plan into deliveries — rendered now, stored with a unique key, sent by the delivery work — and an in-app
/// notification, in the caller's transaction (the bus's, for an integration event). A plan made again plans nothing.
/// </summary>
public sealed class DeliveryPlanner(
    CommandPipeline<NotificationDbContext> pipeline, MessageComposer composer, WorkSignal<DeliveryWork> signal, TimeProvider clock,
    IOptions<NotificationOptions> options)
{
    private NotificationDbContext Db => pipeline.Db;

    public Task PlanAsync(MessagePlan plan, CancellationToken cancellationToken) => PlanAsync([plan], cancellationToken);

    public async Task PlanAsync(IReadOnlyList<MessagePlan> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return;
        }

        await pipeline.RunAsync(async (context, token) =>
        {
            var eventIds = plans.Select(p => p.EventId).Distinct().ToList();
            var events = await Db.Events.AsNoTracking().Where(e => eventIds.Contains(e.EventId)).ToDictionaryAsync(e => e.EventId, token);
            var keys = plans.SelectMany(p => new[] { KeyOf(p, DeliveryChannel.Email), KeyOf(p, DeliveryChannel.InApp) }).ToList();
            var planned = (await Db.Deliveries.AsNoTracking().Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(token)).ToHashSet();
            var now = clock.GetUtcNow();
            foreach (var plan in plans)
            {
                await PlanOneAsync(plan, events.GetValueOrDefault(plan.EventId), planned, now, token);
            }

            context.AfterCommit(() =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
        }, cancellationToken);
    }

    private async Task PlanOneAsync(MessagePlan plan, EventInfo? e, HashSet<string> planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emailKey = KeyOf(plan, DeliveryChannel.Email);
        var inAppKey = KeyOf(plan, DeliveryChannel.InApp);
        var sendEmail = plan.Email && plan.Recipient.Email.Length > 0 && planned.Add(emailKey);
        var showInApp = plan.InApp && plan.Recipient.Id.Length > 0 && planned.Add(inAppKey);
        if (!sendEmail && !showInApp)
        {
            return;
        }

        var r = plan.Recipient;
        var model = MessageModel.For(e, r.Name, r.Email, r.Locale, r.RegistrationId, options.Value.PublicBaseUrl, plan.Extras);
        var (message, templateId) = await composer.ComposeAsync(plan.Kind, e?.OrganizerId ?? "", r.Locale, model, cancellationToken);
        if (sendEmail)
        {
            Db.Deliveries.Add(Delivery.Email(
                emailKey, plan.EventId, plan.Kind, r.Id, r.Email, plan.CauseId, message, plan.Attachments ?? [], templateId, null, plan.Bulk, now));
        }

        if (showInApp)
        {
            var delivery = Delivery.InApp(inAppKey, plan.EventId, plan.Kind, r.Id, plan.CauseId, message, templateId, null, now);
            Db.Deliveries.Add(delivery);
            Db.Notifications.Add(InAppNotification.Of(delivery, LinkOf(r, plan.EventId)));
        }
    }

    private static string KeyOf(MessagePlan plan, DeliveryChannel channel) =>
        $"{plan.CauseId}/{plan.Recipient.Id}/{plan.Kind}/{(channel == DeliveryChannel.Email ? "email" : "in-app")}";

    private static string LinkOf(MessageRecipient recipient, Guid eventId) =>
        recipient.RegistrationId is { } id ? WebFrontLinks.Registration(id) : WebFrontLinks.Event(eventId);
}
