using EventPlatform.Domain;
using EventPlatform.Notification.Application;
using EventPlatform.Notification.Application.Templates;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Paging;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Notification.V1;

namespace EventPlatform.Notification.Grpc;

public sealed class NotificationGrpcService(
    NotificationQueries queries, NotificationCommands commands, TemplateCommands templates) : Proto.NotificationService.NotificationServiceBase
{
    public override async Task<Proto.ListNotificationsResponse> ListNotifications(Proto.ListNotificationsRequest request, ServerCallContext context)
    {
        var page = Page(request.PageSize, request.PageToken);
        var (found, unread) = await queries.NotificationsAsync(context.Caller(), request.UnreadOnly, page, context.CancellationToken);
        return new Proto.ListNotificationsResponse
        {
            Notifications = { found.Items.Select(n => n.ToContract()) },
            NextPageToken = found.NextPageToken ?? "",
            UnreadCount = unread,
        };
    }

    public override async Task<Proto.Notification> MarkNotificationRead(Proto.MarkNotificationReadRequest request, ServerCallContext context) =>
        (await commands.MarkReadAsync(Id(request.Id, "a notification id"), context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<Proto.MarkAllNotificationsReadResponse> MarkAllNotificationsRead(
        Proto.MarkAllNotificationsReadRequest request, ServerCallContext context) =>
        new() { MarkedCount = await commands.MarkAllReadAsync(context.Caller(), context.CancellationToken) };

    public override async Task<Proto.EventMessage> SendEventMessage(Proto.SendEventMessageRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var eventId = input.Capture(() => (Guid?)Id(request.EventId, "an event id", "event_id"));
        var audience = request.Audience switch
        {
            Proto.AudienceKind.AllConfirmed => AudienceKind.AllConfirmed,
            Proto.AudienceKind.SessionAttendees => AudienceKind.SessionAttendees,
            Proto.AudienceKind.Waitlisted => AudienceKind.Waitlisted,
            _ => (AudienceKind?)null,
        };
        if (audience is null)
        {
            input.Add("audience", "AUDIENCE_KIND_ALL_CONFIRMED, AUDIENCE_KIND_SESSION_ATTENDEES or AUDIENCE_KIND_WAITLISTED.");
        }

        var sessions = request.SessionIds.Select((s, i) => (s, i)).Where(x => !Guid.TryParse(x.s, out _)).ToList();
        foreach (var (_, i) in sessions)
        {
            input.Add($"session_ids[{i}]", "Expected a session id (a UUID).");
        }

        var channels = request.Channels.Select(c => c switch
        {
            Proto.DeliveryChannel.Email => DeliveryChannel.Email,
            Proto.DeliveryChannel.InApp => DeliveryChannel.InApp,
            _ => (DeliveryChannel?)null,
        }).ToList();
        if (channels.Any(c => c is null))
        {
            input.Add("channels", "DELIVERY_CHANNEL_EMAIL or DELIVERY_CHANNEL_IN_APP.");
        }

        var draft = input.Capture(() => new EventMessageDraft(
            eventId ?? Guid.Empty, request.Subject, request.BodyText, request.BodyHtml, audience ?? AudienceKind.AllConfirmed,
            request.SessionIds.Where(s => Guid.TryParse(s, out _)).Select(s => Guid.Parse(s).ToString()).ToList(),
            channels.OfType<DeliveryChannel>().ToList()));
        // The message's own rules (subject, body, sessions) are checked with the rest.
        input.Capture(() => EventMessage.Write(
            Guid.Empty, "", request.Subject, request.BodyText, null, audience ?? AudienceKind.AllConfirmed, draft?.SessionIds ?? [], [], DateTimeOffset.UnixEpoch));
        input.ThrowIfInvalid();
        return (await commands.SendEventMessageAsync(request.RequestId, draft!, context.Caller(), context.CancellationToken)).ToContract();
    }

    public override async Task<Proto.ListEventMessagesResponse> ListEventMessages(Proto.ListEventMessagesRequest request, ServerCallContext context)
    {
        var eventId = Id(request.EventId, "an event id", "event_id");
        var found = await queries.EventMessagesAsync(eventId, context.Caller(), Page(request.PageSize, request.PageToken), context.CancellationToken);
        return new Proto.ListEventMessagesResponse { EventMessages = { found.Items.Select(m => m.ToContract()) }, NextPageToken = found.NextPageToken ?? "" };
    }

    public override async Task<Proto.EventMessage> GetEventMessage(Proto.GetEventMessageRequest request, ServerCallContext context) =>
        (await queries.EventMessageAsync(
            Id(request.EventId, "an event id", "event_id"), Id(request.Id, "an event message id"), context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<Proto.MessageTemplate> CreateMessageTemplate(Proto.CreateMessageTemplateRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        RequestFields.OptionalUuid(request.OrganizerId, "organizer_id", "an organizer id", input);
        var kind = NotificationContract.ToDomain(request.Kind);
        if (kind is null)
        {
            input.Add("kind", "The kind of automatic message this template writes.");
        }

        input.ThrowIfInvalid();
        var draft = new TemplateDraft(request.OrganizerId, kind!.Value, request.Locale, request.Subject, request.BodyText, request.BodyHtml);
        return (await templates.CreateAsync(request.RequestId, draft, context.Caller(), context.CancellationToken)).ToContract();
    }

    public override async Task<Proto.ListMessageTemplatesResponse> ListMessageTemplates(Proto.ListMessageTemplatesRequest request, ServerCallContext context)
    {
        _ = context.Caller();
        var input = new InputValidation();
        var organizerId = RequestFields.OptionalUuid(request.OrganizerId, "organizer_id", "an organizer id", input)?.ToString() ?? "";
        var locale = new TemplateLocaleMustBeSupportedRule(request.Locale);
        if (request.Locale.Length > 0 && locale.IsBroken())
        {
            input.Add("locale", locale.Message);
        }

        input.ThrowIfInvalid();
        var found = await queries.TemplatesAsync(
            organizerId, NotificationContract.ToDomain(request.Kind), request.Locale, Page(request.PageSize, request.PageToken), context.CancellationToken);
        return new Proto.ListMessageTemplatesResponse
        {
            MessageTemplates = { found.Items.Select(t => t.ToContract()) },
            NextPageToken = found.NextPageToken ?? "",
        };
    }

    public override async Task<Proto.MessageTemplate> GetMessageTemplate(Proto.GetMessageTemplateRequest request, ServerCallContext context)
    {
        _ = context.Caller();
        return (await queries.TemplateAsync(Id(request.Id, "a template id"), context.CancellationToken)).ToContract();
    }

    public override async Task<Proto.MessageTemplate> UpdateMessageTemplate(Proto.UpdateMessageTemplateRequest request, ServerCallContext context) =>
        (await templates.UpdateAsync(
            Id(request.Id, "a template id"), request.HasSubject ? request.Subject : null, request.HasBodyText ? request.BodyText : null,
            request.HasBodyHtml ? request.BodyHtml : null, context.Caller(), context.CancellationToken)).ToContract();

    public override async Task<Proto.DeleteMessageTemplateResponse> DeleteMessageTemplate(Proto.DeleteMessageTemplateRequest request, ServerCallContext context)
    {
        await templates.DeleteAsync(Id(request.Id, "a template id"), context.Caller(), context.CancellationToken);
        return new Proto.DeleteMessageTemplateResponse();
    }

    public override async Task<Proto.RenderedMessage> PreviewMessageTemplate(Proto.PreviewMessageTemplateRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var eventId = RequestFields.OptionalUuid(request.EventId, "event_id", "an event id", input);
        input.ThrowIfInvalid();
        return (await templates.PreviewAsync(Id(request.Id, "a template id"), eventId, context.Caller(), context.CancellationToken)).ToContract();
    }

    public override async Task<Proto.ListDeliveriesResponse> ListDeliveries(Proto.ListDeliveriesRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var eventId = RequestFields.OptionalUuid(request.EventId, "event_id", "an event id", input);
        var page = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var status = request.Status == Proto.DeliveryStatus.Unspecified ? (DeliveryStatus?)null : (DeliveryStatus)(int)request.Status;
        var found = await queries.DeliveriesAsync(
            new DeliveryFilter(eventId, status, NotificationContract.ToDomain(request.Kind), request.RecipientId, page!), context.Caller(), context.CancellationToken);
        return new Proto.ListDeliveriesResponse { Deliveries = { found.Items.Select(d => d.ToContract()) }, NextPageToken = found.NextPageToken ?? "" };
    }

    private static Guid Id(string value, string what, string field = "id") => RequestFields.Uuid(value, field, what);

    private static PageRequest Page(int size, string token)
    {
        var input = new InputValidation();
        var page = input.Capture(() => PageRequest.Of(size, token));
        input.ThrowIfInvalid();
        return page!;
    }
}

internal static class CallerMapping
{
    public static Caller Caller(this ServerCallContext context)
    {
        var caller = ServiceDefaults.Identity.CallerContext.Caller(context);
        return new Caller(caller.Subject, caller.IsAdmin);
    }
}
