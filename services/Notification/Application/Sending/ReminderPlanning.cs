using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Notification.Application.Sending;

/// <summary>
/// Reminders, ReminderLead before each event (24 h by default): once per confirmed attendee, planned with the event's
/// reminder mark in one transaction, so a restart neither loses nor repeats them. Never for a cancelled event or a
/// registration no longer confirmed.
/// </summary>
public sealed class ReminderPlanning(
    CommandPipeline<NotificationDbContext> pipeline, DeliveryPlanner planner, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private NotificationDbContext Db => pipeline.Db;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lead = options.Value.ReminderLead;
        var due = await Db.Events.AsNoTracking()
            .Where(e => !e.Cancelled && e.ReminderPlannedTime == null && e.StartTime - lead <= now && e.StartTime > now)
            .Select(e => e.EventId).ToListAsync(cancellationToken);
        foreach (var eventId in due)
        {
            await pipeline.RunAsync(async (_, token) =>
            {
                // Locked: replicas sweeping at the same moment plan an event's reminders once.
                var e = await Db.Events.FromSqlInterpolated($"SELECT * FROM events WHERE event_id = {eventId} FOR UPDATE").SingleAsync(token);
                if (!e.ReminderDue(lead, clock.GetUtcNow()))
                {
                    return;
                }

                var confirmed = await Db.Recipients.AsNoTracking()
                    .Where(r => r.EventId == eventId && r.Status == RecipientStatus.Confirmed).ToListAsync(token);
                e.ReminderPlanned(clock.GetUtcNow());
                await planner.PlanAsync(
                    confirmed.DistinctBy(r => r.AttendeeId).Select(r => new MessagePlan(
                        $"reminder:{eventId}:{e.StartTime.UtcTicks}", MessageKind.EventReminder, eventId,
                        new MessageRecipient(r.AttendeeId, r.Name, r.Email, r.Locale, r.RegistrationId), Bulk: true)).ToList(),
                    token);
            }, cancellationToken);
        }
    }
}

/// <summary>Runs <see cref="ReminderPlanning"/> every ReminderInterval.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<ReminderService> logger)
    : PeriodicSweep(scopes, clock, logger, options.Value.ReminderInterval, "Reminders")
{
    protected override Task SweepAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReminderPlanning>().RunAsync(cancellationToken);
}
