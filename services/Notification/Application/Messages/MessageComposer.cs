using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.Notification.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Notification.Application.Messages;

/// <summary>
/// Picks the template for a message — the recipient's language before English, and in each the organizer's own
/// before the platform's — and renders it.
/// </summary>
public sealed class MessageComposer(NotificationDbContext db, ITemplateEngine engine)
{
    // A message to a whole audience renders one template many times: it is read once per composer (per scope).
    private readonly Dictionary<(MessageKind, string, string), MessageTemplate?> _picked = [];

    public async Task<(RenderedMessage Message, Guid TemplateId)> ComposeAsync(
        MessageKind kind, string organizerId, string locale, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var language = MessageModel.LanguageOf(locale);
        if (!_picked.TryGetValue((kind, organizerId, language), out var template))
        {
            template = _picked[(kind, organizerId, language)] = await PickAsync(kind, organizerId, language, cancellationToken);
        }

        template = template
            ?? throw new InvalidOperationException($"No template for {kind}: the defaults are seeded at start.");
        return (Render(template, model), template.Id);
    }

    public RenderedMessage Render(MessageTemplate template, IReadOnlyDictionary<string, object?> model) => new(
        engine.Render(template.Subject, model).ReplaceLineEndings(" ").Trim(),
        engine.Render(template.BodyText, model),
        template.BodyHtml is null ? null : engine.Render(template.BodyHtml, model, html: true));

    private async Task<MessageTemplate?> PickAsync(MessageKind kind, string organizerId, string language, CancellationToken cancellationToken)
    {
        var candidates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && (t.OrganizerId == "" || t.OrganizerId == organizerId) && (t.Locale == language || t.Locale == "en"))
            .ToListAsync(cancellationToken);
        return candidates
            .OrderByDescending(t => t.Locale == language)
            .ThenByDescending(t => t.OrganizerId.Length > 0)
            .FirstOrDefault();
    }
}
