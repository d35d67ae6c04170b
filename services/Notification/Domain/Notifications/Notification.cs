using EventPlatform.Notification.Domain.Deliveries;
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

    /// <summary>What an in-app delivery shows: its subject and text, opening <paramref name="link"/>.</summary>
    public static Notification Of(Delivery delivery, string link) =>
        new()
        {
            Id = Guid.CreateVersion7(delivery.CreateTime),
            DeliveryId = delivery.Id,
            RecipientId = delivery.RecipientId,
            EventId = delivery.EventId,
            Kind = delivery.Kind,
            Title = delivery.Subject,
            Body = delivery.BodyText,
            Link = link,
            CreateTime = delivery.CreateTime,
        };

    /// <summary>Keeps the first read time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadTime ??= now;
}
