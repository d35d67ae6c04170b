using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Notification.Application.Handlers;
using EventPlatform.Notification.Application.Sending;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.Tests.Messaging;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventPlatform.Tests.Notification;

/// <summary>Deliveries against real PostgreSQL and the mail sink: once per trigger, none lost while the mail server is away, reminders on time.</summary>
[Collection(NotificationCollection.Name)]
public sealed class DeliveryTests(NotificationInfrastructure infrastructure)
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_integration_event_delivered_three_times_sends_one_email()
    {
        await using var notification = await NotificationHost.StartAsync(infrastructure, "once");
        var e = await KnownEventAsync(notification);
        var email = $"once-{Guid.NewGuid():N}@example.org";
        var confirmed = new RegistrationConfirmed { EventId = e, Registration = Registration(e, email, RegistrationStatus.Confirmed) };
        var messageId = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            await notification.DeliverAsync<RegistrationEventHandlers, RegistrationConfirmed>(confirmed, messageId);
        }

        var mails = await infrastructure.Mail.ExactlyAsync(email, 1);
        mails.ShouldHaveSingleItem().Subject.ShouldBe("You're registered for Reminder Days");
        (await CountAsync(notification, d => d.RecipientEmail == email)).ShouldBe(1);
    }

    [Fact]
    public async Task Emails_planned_while_the_mail_server_is_down_for_a_minute_go_out_once_when_it_is_back()
    {
        await using var notification = await NotificationHost.StartAsync(infrastructure, "outage");
        var e = await KnownEventAsync(notification);
        var emails = Enumerable.Range(0, 5).Select(i => $"outage-{i}-{Guid.NewGuid():N}@example.org").ToList();

        await infrastructure.App.KillAsync("mail");
        var outage = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var email in emails)
            {
                await notification.DeliverAsync<RegistrationEventHandlers, RegistrationConfirmed>(
                    new RegistrationConfirmed { EventId = e, Registration = Registration(e, email, RegistrationStatus.Confirmed) }, Guid.NewGuid().ToString());
            }

            // Several attempts fail while the sink is away; each is retried later, none given up.
            await Eventually.HoldsAsync(
                async () => await CountAsync(notification, d => d.Status == DeliveryStatus.Pending && d.AttemptCount >= 2) == emails.Count,
                "every email to have failed twice");
            // The sink stays away a full minute, retries failing all along.
            await Task.Delay(TimeSpan.FromMinutes(1) - outage.Elapsed);
            (await CountAsync(notification, d => d.Status == DeliveryStatus.Pending)).ShouldBe(emails.Count);
        }
        finally
        {
            await infrastructure.App.StartAgainAsync("mail");
        }

        foreach (var email in emails)
        {
            (await infrastructure.Mail.ExactlyAsync(email, 1, settle: TimeSpan.Zero)).ShouldHaveSingleItem();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var email in emails)
        {
            (await infrastructure.Mail.ToAsync(email)).Count.ShouldBe(1);
        }

        (await CountAsync(notification, d => d.Status == DeliveryStatus.Sent && d.Channel == DeliveryChannel.Email)).ShouldBe(emails.Count);
    }

    [Fact]
    public async Task Reminders_go_once_to_each_confirmed_attendee_at_the_lead_time_and_never_to_the_cancelled()
    {
        var clock = new FakeTimeProvider(Start.AddDays(-3));
        await using var notification = await NotificationHost.StartAsync(infrastructure, "reminders", clock);
        var e = await KnownEventAsync(notification);
        var confirmed = Enumerable.Range(0, 3).Select(i => $"reminded-{i}-{Guid.NewGuid():N}@example.org").ToList();
        var cancelled = $"cancelled-{Guid.NewGuid():N}@example.org";
        foreach (var email in confirmed.Append(cancelled))
        {
            await notification.DeliverAsync<RegistrationEventHandlers, RegistrationConfirmed>(
                new RegistrationConfirmed { EventId = e, Registration = Registration(e, email, RegistrationStatus.Confirmed) }, Guid.NewGuid().ToString());
        }

        var gone = Registration(e, cancelled, RegistrationStatus.Cancelled, id: await RegistrationIdOfAsync(notification, cancelled));
        await notification.DeliverAsync<RegistrationEventHandlers, RegistrationCancelled>(
            new RegistrationCancelled { EventId = e, Registration = gone }, Guid.NewGuid().ToString());

        clock.SetUtcNow(Start.AddHours(-24).AddMinutes(-1));
        await RemindAsync(notification);
        var tooEarly = await CountAsync(notification, d => d.Kind == MessageKind.EventReminder);
        clock.SetUtcNow(Start.AddHours(-24));
        await RemindAsync(notification);
        clock.Advance(TimeSpan.FromHours(1));
        await RemindAsync(notification);

        tooEarly.ShouldBe(0);
        (await CountAsync(notification, d => d.Kind == MessageKind.EventReminder && d.Channel == DeliveryChannel.Email)).ShouldBe(3);
        foreach (var email in confirmed)
        {
            (await infrastructure.Mail.ExactlyAsync(email, 1, m => m.Subject.StartsWith("Reminder: Reminder Days", StringComparison.Ordinal)))
                .ShouldHaveSingleItem().Text.ShouldContain("Wednesday 10 March 2027, 09:00");
        }

        (await infrastructure.Mail.ToAsync(cancelled)).ShouldNotContain(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
    }

    private static Task RemindAsync(NotificationHost notification) =>
        notification.InScopeAsync(s => s.GetRequiredService<ReminderPlanning>().RunAsync(CancellationToken.None));

    private static async Task<string> KnownEventAsync(NotificationHost notification)
    {
        var id = Guid.NewGuid().ToString();
        await notification.DeliverAsync<CatalogEventHandlers, EventPublished>(
            new EventPublished
            {
                Event = new Event
                {
                    Id = id, OrganizerId = "org-1", OwnerId = "alice", Title = "Reminder Days", TimeZone = "Europe/Paris", Status = EventStatus.Published,
                    StartTime = Timestamp.FromDateTimeOffset(Start), EndTime = Timestamp.FromDateTimeOffset(Start.AddHours(9)),
                    OnlineUrl = "https://meet.example.org/days",
                },
            },
            Guid.NewGuid().ToString());
        return id;
    }

    private static Contracts.Registration.V1.Registration Registration(string eventId, string email, RegistrationStatus status, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(),
        EventId = eventId,
        Attendee = new Attendee { Id = $"attendee-{email}", Name = "Ada Lovelace", Email = email, Locale = "en-GB" },
        Status = status,
        UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
    };

    private static Task<string> RegistrationIdOfAsync(NotificationHost notification, string email) =>
        notification.InScopeAsync(async s => (await s.GetRequiredService<NotificationDbContext>().Recipients.SingleAsync(r => r.Email == email)).RegistrationId.ToString());

    private static Task<int> CountAsync(NotificationHost notification, System.Linq.Expressions.Expression<Func<Delivery, bool>> where) =>
        notification.InScopeAsync(s => s.GetRequiredService<NotificationDbContext>().Deliveries.CountAsync(where));
}
