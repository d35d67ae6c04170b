using EventPlatform.Domain;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventPlatform.Notification.Application.Templates;

public sealed record TemplateDraft(string OrganizerId, MessageKind Kind, string Locale, string Subject, string BodyText, string? BodyHtml);

/// <summary>Templates are checked when saved: valid Liquid, only the placeholders their kind offers, each bad field named.</summary>
public sealed class TemplateCommands(
    CommandPipeline<NotificationDbContext> pipeline, ITemplateEngine engine, MessageComposer composer, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private NotificationDbContext Db => pipeline.Db;

    public async Task<MessageTemplate> CreateAsync(string requestId, TemplateDraft draft, Caller caller, CancellationToken cancellationToken)
    {
        NotificationAccess.MustManageTemplatesOf(caller, draft.OrganizerId, await OwnsOrganizerAsync(caller, draft.OrganizerId, cancellationToken));
        var input = new InputValidation();
        var subject = Text(input, "Subject", draft.Subject, draft.Kind, MessageTemplate.MaxSubjectLength);
        var bodyText = Text(input, "BodyText", draft.BodyText, draft.Kind, MessageTemplate.MaxBodyLength);
        var bodyHtml = string.IsNullOrEmpty(draft.BodyHtml) ? null : Text(input, "BodyHtml", draft.BodyHtml, draft.Kind, MessageTemplate.MaxBodyLength);
        input.Capture(() =>
        {
            MessageTemplate.CheckKindAndLocale(draft.Kind, draft.Locale);
            return true;
        });
        input.ThrowIfInvalid();
        var created = MessageTemplate.Create(
            Guid.CreateVersion7(clock.GetUtcNow()), draft.OrganizerId, draft.Kind, draft.Locale, subject!, bodyText!, bodyHtml, clock.GetUtcNow());
        return await pipeline.CreateOnceAsync(requestId, (_, _) =>
        {
            Db.MessageTemplates.Add(created);
            return Task.FromResult(created);
        }, cancellationToken, () => new AlreadyExistsException(
            "message template", $"{draft.OrganizerId}/{draft.Kind}/{draft.Locale}",
            "This organizer already has a template for this kind and language: update it instead."));
    }

    public Task<MessageTemplate> UpdateAsync(
        Guid id, string? subject, string? bodyText, string? bodyHtml, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var template = await FindAsync(id, token);
            NotificationAccess.MustManageTemplatesOf(caller, template.OrganizerId, await OwnsOrganizerAsync(caller, template.OrganizerId, token));
            var input = new InputValidation();
            var newSubject = subject is null ? null : Text(input, "Subject", subject, template.Kind, MessageTemplate.MaxSubjectLength);
            var newText = bodyText is null ? null : Text(input, "BodyText", bodyText, template.Kind, MessageTemplate.MaxBodyLength);
            var newHtml = string.IsNullOrEmpty(bodyHtml) ? null : Text(input, "BodyHtml", bodyHtml, template.Kind, MessageTemplate.MaxBodyLength);
            input.ThrowIfInvalid();
            template.Change(newSubject, newText, newHtml, clearHtml: bodyHtml is { Length: 0 }, clock.GetUtcNow());
            return template;
        }, cancellationToken);

    public Task DeleteAsync(Guid id, Caller caller, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var template = await FindAsync(id, token);
            BusinessRule.Check(new DefaultTemplatesStayRule(template));
            NotificationAccess.MustManageTemplatesOf(caller, template.OrganizerId, await OwnsOrganizerAsync(caller, template.OrganizerId, token));
            Db.MessageTemplates.Remove(template);
        }, cancellationToken);

    /// <summary>The template rendered with sample data, or with a real event of the caller's.</summary>
    public async Task<RenderedMessage> PreviewAsync(Guid id, Guid? eventId, Caller caller, CancellationToken cancellationToken)
    {
        var template = await Db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("message template", id.ToString());
        var e = eventId is { } given ? await Db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.EventId == given, cancellationToken) : null;
        if (eventId is not null)
        {
            NotificationAccess.MustOrganize(caller, e);
        }

        var sample = e ?? SampleEvent.Instance;
        var model = MessageModel.For(sample, "Ada Lovelace", "ada@example.org", template.Locale, Guid.Empty, options.Value.PublicBaseUrl, SampleEvent.Extras(template.Locale));
        return composer.Render(template, model);
    }

    private TemplateText? Text(InputValidation input, string field, string text, MessageKind kind, int maxLength) =>
        input.Capture(() => TemplateText.Of(field, text, kind, engine.Inspect(text), maxLength));

    private async Task<MessageTemplate> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Db.MessageTemplates.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("message template", id.ToString());

    private Task<bool> OwnsOrganizerAsync(Caller caller, string organizerId, CancellationToken cancellationToken) =>
        Db.Events.AnyAsync(e => e.OrganizerId == organizerId && e.OwnerId == caller.Subject, cancellationToken);
}

public sealed class DefaultTemplatesStayRule(MessageTemplate template) : IBusinessRule
{
    public string Message => "A platform default cannot be deleted (update it instead); deleting an organizer's template falls back to it.";

    public bool IsBroken() => template.IsDefault;
}
