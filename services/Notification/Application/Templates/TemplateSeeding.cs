using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Templates;
using EventPlatform.Notification.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.Notification.Application.Templates;

/// <summary>
/// Puts the platform's default templates in place at start, those missing only: an admin's edits are kept. Each
/// passes the same checks as any template, so a default with a typo stops the service at once rather than mail later.
/// </summary>
public sealed class TemplateSeeding(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<ITemplateEngine>();
        var existing = (await db.MessageTemplates.Where(t => t.OrganizerId == "").Select(t => new { t.Kind, t.Locale }).ToListAsync(cancellationToken))
            .Select(t => (t.Kind, t.Locale)).ToHashSet();
        foreach (var text in DefaultTemplates.All.Where(t => !existing.Contains((t.Kind, t.Locale))))
        {
            db.MessageTemplates.Add(MessageTemplate.Create(
                Guid.CreateVersion7(clock.GetUtcNow()), "", text.Kind, text.Locale,
                TemplateText.Of("Subject", text.Subject, text.Kind, engine.Inspect(text.Subject), MessageTemplate.MaxSubjectLength),
                TemplateText.Of("BodyText", text.Body, text.Kind, engine.Inspect(text.Body), MessageTemplate.MaxBodyLength),
                null, clock.GetUtcNow()));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded them at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
