using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Application;

public sealed record DeliveryFilter(Guid? EventId, DeliveryStatus? Status, MessageKind? Kind, string? RecipientId, PageRequest Page);

/// <summary>Reads for callers; lists are newest first, keyset-paginated on (time, id).</summary>
public sealed class NotificationQueries(NotificationDbContext db)
{
    public async Task<(Page<InAppNotification> Page, int Unread)> NotificationsAsync(
        Caller caller, bool unreadOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == caller.Subject);
        var unread = await mine.CountAsync(n => n.ReadTime == null, cancellationToken);
        var query = unreadOnly ? mine.Where(n => n.ReadTime == null) : mine;
        if (page.After is { } after)
        {
            query = query.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.CreateTime, n.Id), ValueTuple.Create(after.Instant, after.Id)));
        }

        var found = Page<InAppNotification>.FromReadOneMore(
            await query.OrderByDescending(n => n.CreateTime).ThenByDescending(n => n.Id).Take(page.Take + 1).ToListAsync(cancellationToken),
            page.Take, last => PageToken.After(last.CreateTime, last.Id));
        return (found, unread);
    }

    /// <summary>An organizer's deliveries for one event of theirs; an admin's for any.</summary>
    public async Task<Page<Delivery>> DeliveriesAsync(DeliveryFilter filter, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            if (filter.EventId is not { } eventId)
            {
                throw new InvalidInputException([new FieldViolation("event_id", "An organizer lists the deliveries of one of their events.")]);
            }

            NotificationAccess.MustOrganize(caller, await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId, cancellationToken));
        }

        var query = db.Deliveries.AsNoTracking();
        query = filter.EventId is { } onEvent ? query.Where(d => d.EventId == onEvent) : query;
        query = filter.Status is { } status ? query.Where(d => d.Status == status) : query;
        query = filter.Kind is { } kind ? query.Where(d => d.Kind == kind) : query;
        query = filter.RecipientId is { Length: > 0 } recipient ? query.Where(d => d.RecipientId == recipient) : query;
        if (filter.Page.After is { } after)
        {
            query = query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.CreateTime, d.Id), ValueTuple.Create(after.Instant, after.Id)));
        }

        return Page<Delivery>.FromReadOneMore(
            await query.OrderByDescending(d => d.CreateTime).ThenByDescending(d => d.Id).Take(filter.Page.Take + 1).ToListAsync(cancellationToken),
            filter.Page.Take, last => PageToken.After(last.CreateTime, last.Id));
    }

    public async Task<Delivery> DeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("delivery", id.ToString());

    public async Task<Page<EventMessage>> EventMessagesAsync(Guid eventId, Caller caller, PageRequest page, CancellationToken cancellationToken)
    {
        NotificationAccess.MustOrganize(caller, await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId, cancellationToken));
        var query = db.EventMessages.AsNoTracking().Where(m => m.EventId == eventId);
        if (page.After is { } after)
        {
            query = query.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.CreateTime, m.Id), ValueTuple.Create(after.Instant, after.Id)));
        }

        return Page<EventMessage>.FromReadOneMore(
            await query.OrderByDescending(m => m.CreateTime).ThenByDescending(m => m.Id).Take(page.Take + 1).ToListAsync(cancellationToken),
            page.Take, last => PageToken.After(last.CreateTime, last.Id));
    }

    public async Task<EventMessage> EventMessageAsync(Guid eventId, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        NotificationAccess.MustOrganize(caller, await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.EventId == eventId, cancellationToken));
        return await db.EventMessages.AsNoTracking().SingleOrDefaultAsync(m => m.EventId == eventId && m.Id == id, cancellationToken)
            ?? throw new NotFoundException("event message", id.ToString());
    }

    /// <summary>Templates are readable by anyone signed in: they hold no personal data.</summary>
    public async Task<Page<MessageTemplate>> TemplatesAsync(
        string organizerId, MessageKind? kind, string? locale, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.MessageTemplates.AsNoTracking().Where(t => t.OrganizerId == organizerId);
        query = kind is { } k ? query.Where(t => t.Kind == k) : query;
        query = locale is { Length: > 0 } l ? query.Where(t => t.Locale == l) : query;
        if (page.After is { } after)
        {
            query = query.Where(t => EF.Functions.LessThan(ValueTuple.Create(t.CreateTime, t.Id), ValueTuple.Create(after.Instant, after.Id)));
        }

        return Page<MessageTemplate>.FromReadOneMore(
            await query.OrderByDescending(t => t.CreateTime).ThenByDescending(t => t.Id).Take(page.Take + 1).ToListAsync(cancellationToken),
            page.Take, last => PageToken.After(last.CreateTime, last.Id));
    }

    public async Task<MessageTemplate> TemplateAsync(Guid id, CancellationToken cancellationToken) =>
        await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
        ?? throw new NotFoundException("message template", id.ToString());
}
