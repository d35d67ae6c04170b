using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Domain.Deliveries;

public enum DeliveryChannel
{
    Email = 1,
    InApp = 2,
}

public enum DeliveryStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

public enum DocumentKind
{
    Invoice = 1,
    Receipt = 2,
    CreditNote = 3,
}

/// <summary>A billing document to attach, fetched from billing when the email is sent.</summary>
public sealed record Attachment(DocumentKind Kind, Guid DocumentId, string FileName);

/// <summary>How long to wait before the next attempt: doubling from the first delay up to the longest, then giving up.</summary>
public sealed record RetryPolicy(TimeSpan FirstDelay, TimeSpan LongestDelay, int MaxAttempts)
{
    public static readonly RetryPolicy Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(2), 12);

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
}

/// <summary>
/// One message to one recipient on one channel, rendered once when planned. Its key (what caused it, to whom, what)
/// is unique, so a trigger delivered again plans nothing twice.
/// </summary>
public sealed class Delivery : AggregateRoot
{
    public const int MaxErrorLength = 1000;

    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    public Guid EventId { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    public MessageKind Kind { get; private set; }

    public string RecipientId { get; private set; } = "";

    public string RecipientEmail { get; private set; } = "";

    public Guid? TemplateId { get; private set; }

    public Guid? EventMessageId { get; private set; }

    public string CauseId { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string BodyText { get; private set; } = "";

    public string? BodyHtml { get; private set; }

    public List<Attachment> Attachments { get; private set; } = [];

    /// <summary>Bulk messages (organizer messages, reminders) carry List-Unsubscribe.</summary>
    public bool Bulk { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public string LastError { get; private set; } = "";

    public DateTimeOffset NextAttemptTime { get; private set; }

    public string ProviderMessageId { get; private set; } = "";

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? SendTime { get; private set; }

    public static Delivery Email(
        string key, Guid eventId, MessageKind kind, string recipientId, string recipientEmail, string causeId, RenderedMessage message,
        IEnumerable<Attachment> attachments, Guid? templateId, Guid? eventMessageId, bool bulk, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            EventId = eventId,
            Channel = DeliveryChannel.Email,
            Kind = kind,
            RecipientId = recipientId,
            RecipientEmail = recipientEmail,
            TemplateId = templateId,
            EventMessageId = eventMessageId,
            CauseId = causeId,
            Subject = message.Subject,
            BodyText = message.BodyText,
            BodyHtml = message.BodyHtml,
            Attachments = [.. attachments],
            Bulk = bulk,
            Status = DeliveryStatus.Pending,
            NextAttemptTime = now,
            CreateTime = now,
        };

    /// <summary>An in-app delivery is done when the notification is stored, in the same transaction.</summary>
    public static Delivery InApp(
        string key, Guid eventId, MessageKind kind, string recipientId, string causeId, RenderedMessage message, Guid? templateId,
        Guid? eventMessageId, DateTimeOffset now)
    {
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            EventId = eventId,
            Channel = DeliveryChannel.InApp,
            Kind = kind,
            RecipientId = recipientId,
            TemplateId = templateId,
            EventMessageId = eventMessageId,
            CauseId = causeId,
            Subject = message.Subject,
            BodyText = message.BodyText,
            Status = DeliveryStatus.Sent,
            AttemptCount = 1,
            NextAttemptTime = now,
            CreateTime = now,
            SendTime = now,
        };
        delivery.Raise(new DeliverySent(delivery));
        return delivery;
    }

    public void Sent(string providerMessageId, DateTimeOffset now)
    {
        if (Status == DeliveryStatus.Sent)
        {
            return;
        }

        Status = DeliveryStatus.Sent;
        AttemptCount++;
        ProviderMessageId = providerMessageId;
        LastError = "";
        SendTime = now;
        Raise(new DeliverySent(this));
    }

    /// <summary>An attempt failed: retried later by <paramref name="policy"/>, or failed for good (permanent or too many attempts).</summary>
    public void AttemptFailed(string error, bool permanent, RetryPolicy policy, DateTimeOffset now)
    {
        BusinessRule.Check(new DeliveryMustBePendingRule(this));
        AttemptCount++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (permanent || AttemptCount >= policy.MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            Raise(new DeliveryFailed(this, permanent));
        }
        else
        {
            NextAttemptTime = now + policy.DelayAfter(AttemptCount);
        }
    }

    /// <summary>Sends a failed delivery again (the organizer's resend); a sent one is left as it is.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Failed)
        {
            return;
        }

        Status = DeliveryStatus.Pending;
        NextAttemptTime = now;
    }
}

/// <summary>A message as rendered for its recipient.</summary>
public sealed record RenderedMessage(string Subject, string BodyText, string? BodyHtml);

public sealed record DeliverySent(Delivery Delivery) : IDomainEvent;

public sealed record DeliveryFailed(Delivery Delivery, bool Permanent) : IDomainEvent;

public sealed class DeliveryMustBePendingRule(Delivery delivery) : IBusinessRule
{
    public string Message => $"Delivery {delivery.Id} is {delivery.Status}, not waiting to be sent.";

    public bool IsBroken() => delivery.Status != DeliveryStatus.Pending;
}
