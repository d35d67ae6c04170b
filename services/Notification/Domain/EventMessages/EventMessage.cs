using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Deliveries;

namespace EventPlatform.Notification.Domain.EventMessages;

public enum AudienceKind
{
    AllConfirmed = 1,
    SessionAttendees = 2,
    Waitlisted = 3,
}

public enum EventMessageStatus
{
    Sending = 1,
    Sent = 2,
}

/// <summary>An organizer's message to an audience of their event: one delivery per recipient and channel, created in the background.</summary>
public sealed class EventMessage : AggregateRoot
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private EventMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string SenderId { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string BodyText { get; private set; } = "";

    public string? BodyHtml { get; private set; }

    public AudienceKind Audience { get; private set; }

    public List<string> SessionIds { get; private set; } = [];

    public List<DeliveryChannel> Channels { get; private set; } = [];

    public EventMessageStatus Status { get; private set; }

    public int RecipientCount { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public static EventMessage Write(
        Guid eventId, string senderId, string subject, string bodyText, string? bodyHtml, AudienceKind audience, IReadOnlyCollection<string> sessionIds,
        IReadOnlyCollection<DeliveryChannel> channels, DateTimeOffset now)
    {
        BusinessRule.CheckAll(
            new MessageTextMustFitRule("Subject", subject, MaxSubjectLength),
            new MessageTextMustFitRule("BodyText", bodyText, MaxBodyLength),
            new SessionAudienceNeedsSessionsRule(audience, sessionIds));
        return new EventMessage
        {
            Id = Guid.CreateVersion7(now),
            EventId = eventId,
            SenderId = senderId,
            Subject = subject.Trim(),
            BodyText = bodyText,
            BodyHtml = string.IsNullOrWhiteSpace(bodyHtml) ? null : bodyHtml,
            Audience = audience,
            SessionIds = [.. sessionIds.Distinct()],
            Channels = channels.Count == 0 ? [DeliveryChannel.Email] : [.. channels.Distinct()],
            Status = EventMessageStatus.Sending,
            CreateTime = now,
        };
    }

    /// <summary>Every recipient has their deliveries.</summary>
    public void AllPlanned(int recipientCount)
    {
        RecipientCount = recipientCount;
        Status = EventMessageStatus.Sent;
    }
}

public sealed class MessageTextMustFitRule(string fieldName, string text, int maxLength) : IFieldRule
{
    public string Field => fieldName;

    public string Message => $"Required, at most {maxLength} characters.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(text) || text.Length > maxLength;
}

public sealed class SessionAudienceNeedsSessionsRule(AudienceKind audience, IReadOnlyCollection<string> sessionIds) : IFieldRule
{
    public string Field => "SessionIds";

    public string Message => "The attendees of chosen sessions: name at least one session (and at most 50).";

    public bool IsBroken() => audience == AudienceKind.SessionAttendees ? sessionIds.Count is 0 or > 50 : sessionIds.Count > 0;
}
