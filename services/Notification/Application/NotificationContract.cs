using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Domain.Templates;
using Google.Protobuf.WellKnownTypes;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;
using Proto = EventPlatform.Contracts.Notification.V1;

namespace EventPlatform.Notification.Application;

/// <summary>The contract's view of notification's objects. Enum values match the contract's, one to one.</summary>
public static class NotificationContract
{
    public static Proto.MessageKind ToContract(MessageKind kind) => (Proto.MessageKind)(int)kind;

    public static MessageKind? ToDomain(Proto.MessageKind kind) =>
        kind == Proto.MessageKind.Unspecified || !System.Enum.IsDefined((MessageKind)(int)kind) ? null : (MessageKind)(int)kind;

    public static Proto.DeliveryChannel ToContract(DeliveryChannel channel) => (Proto.DeliveryChannel)(int)channel;

    public static Proto.DeliveryStatus ToContract(DeliveryStatus status) => (Proto.DeliveryStatus)(int)status;

    public static Proto.Notification ToContract(this InAppNotification n) => new()
    {
        Id = n.Id.ToString(),
        RecipientId = n.RecipientId,
        EventId = n.EventId.ToString(),
        Kind = ToContract(n.Kind),
        Title = n.Title,
        Body = n.Body,
        Link = n.Link,
        CreateTime = Timestamp.FromDateTimeOffset(n.CreateTime),
        ReadTime = n.ReadTime is { } read ? Timestamp.FromDateTimeOffset(read) : null,
    };

    public static Proto.Delivery ToContract(this Delivery d) => new()
    {
        Id = d.Id.ToString(),
        EventId = d.EventId.ToString(),
        Channel = ToContract(d.Channel),
        Kind = ToContract(d.Kind),
        RecipientId = d.RecipientId,
        RecipientEmail = d.RecipientEmail,
        TemplateId = d.TemplateId?.ToString() ?? "",
        EventMessageId = d.EventMessageId?.ToString() ?? "",
        DeliveryKey = d.Key,
        CauseId = d.CauseId,
        Subject = d.Subject,
        AttachmentNames = { d.Attachments.Select(a => a.FileName) },
        Status = ToContract(d.Status),
        AttemptCount = d.AttemptCount,
        LastError = d.LastError,
        ProviderMessageId = d.ProviderMessageId,
        CreateTime = Timestamp.FromDateTimeOffset(d.CreateTime),
        SendTime = d.SendTime is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
    };

    public static Proto.EventMessage ToContract(this EventMessage m) => new()
    {
        Id = m.Id.ToString(),
        EventId = m.EventId.ToString(),
        SenderId = m.SenderId,
        Subject = m.Subject,
        BodyText = m.BodyText,
        BodyHtml = m.BodyHtml ?? "",
        Audience = (Proto.AudienceKind)(int)m.Audience,
        SessionIds = { m.SessionIds },
        Channels = { m.Channels.Select(ToContract) },
        Status = (Proto.EventMessageStatus)(int)m.Status,
        RecipientCount = m.RecipientCount,
        CreateTime = Timestamp.FromDateTimeOffset(m.CreateTime),
    };

    public static Proto.MessageTemplate ToContract(this MessageTemplate t) => new()
    {
        Id = t.Id.ToString(),
        OrganizerId = t.OrganizerId,
        Kind = ToContract(t.Kind),
        Locale = t.Locale,
        Subject = t.Subject,
        BodyText = t.BodyText,
        BodyHtml = t.BodyHtml ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(t.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(t.UpdateTime),
    };

    public static Proto.RenderedMessage ToContract(this RenderedMessage m) => new() { Subject = m.Subject, BodyText = m.BodyText, BodyHtml = m.BodyHtml ?? "" };
}
