using EventPlatform.Domain;
using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Domain.Templates;

/// <summary>
/// The words of one kind of message in one language: a platform default (no organizer) or an organizer's own,
/// which wins for their events. Subject and bodies are Liquid templates.
/// </summary>
public sealed class MessageTemplate : AggregateRoot
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private MessageTemplate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Empty for a platform default.</summary>
    public string OrganizerId { get; private set; } = "";

    public MessageKind Kind { get; private set; }

    /// <summary>"en" or "fr" (a language; a recipient's locale falls back to its language, then to "en").</summary>
    public string Locale { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string BodyText { get; private set; } = "";

    /// <summary>Null: the email is text only.</summary>
    public string? BodyHtml { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public bool IsDefault => OrganizerId.Length == 0;

    public static MessageTemplate Create(
        Guid id, string organizerId, MessageKind kind, string locale, TemplateText subject, TemplateText bodyText, TemplateText? bodyHtml,
        DateTimeOffset now)
    {
        CheckKindAndLocale(kind, locale);
        return new MessageTemplate
        {
            Id = id,
            OrganizerId = organizerId,
            Kind = kind,
            Locale = locale,
            Subject = subject.Text,
            BodyText = bodyText.Text,
            BodyHtml = bodyHtml?.Text,
            CreateTime = now,
            UpdateTime = now,
        };
    }

    public static void CheckKindAndLocale(MessageKind kind, string locale) =>
        BusinessRule.CheckAll(new TemplateLocaleMustBeSupportedRule(locale), new OrganizerMessagesHaveNoTemplateRule(kind));

    public void Change(TemplateText? subject, TemplateText? bodyText, TemplateText? bodyHtml, bool clearHtml, DateTimeOffset now)
    {
        Subject = subject?.Text ?? Subject;
        BodyText = bodyText?.Text ?? BodyText;
        BodyHtml = clearHtml ? null : bodyHtml?.Text ?? BodyHtml;
        UpdateTime = now;
    }
}

public sealed class TemplateLocaleMustBeSupportedRule(string locale) : IFieldRule
{
    public static readonly string[] Supported = ["en", "fr"];

    public string Field => "Locale";

    public string Message => $"Templates are written in {string.Join(" or ", Supported)}.";

    public bool IsBroken() => !Supported.Contains(locale);
}

public sealed class OrganizerMessagesHaveNoTemplateRule(MessageKind kind) : IFieldRule
{
    public string Field => "Kind";

    public string Message => "A kind of automatic message is required; an organizer's message is written when sent.";

    public bool IsBroken() => kind == MessageKind.OrganizerMessage || !Enum.IsDefined(kind);
}
