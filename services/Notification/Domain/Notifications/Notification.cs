using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Domain.Notifications;

/// <summary>A message as the recipient finds it in the app: unread until they open it.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string RecipientId { get; private set; } = "";

    public Guid EventId { get; private set; }

    public MessageKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string Link { get; private set; } = "";

    /// <summary>The delivery that made it: one notification per delivery key.</summary>
    public Guid DeliveryId { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? ReadTime { get; private set; }

    public static Notification For(Guid deliveryId, string recipientId, Guid eventId, MessageKind kind, string title, string body, string link, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DeliveryId = deliveryId,
            RecipientId = recipientId,
            EventId = eventId,
            Kind = kind,
            Title = title,
            Body = body,
            Link = link,
            CreateTime = now,
        };

    /// <summary>Keeps the first read time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadTime ??= now;
}
