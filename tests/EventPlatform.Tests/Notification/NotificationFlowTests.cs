using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Messaging;
using EventPlatform.Tests.Payment;
using Google.Protobuf.WellKnownTypes;
using static EventPlatform.Tests.Catalog.CatalogDriver;
using static EventPlatform.Tests.Payment.PaymentDriver;
using ProgramApi = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Tests.Notification;

/// <summary>Emails and in-app notifications as attendees receive them, read from the AppHost's mail sink.</summary>
[Collection(PaymentSystemCollection.Name)]
public sealed class NotificationFlowTests(PaymentSystemFixture system)
{
    private readonly PaymentDriver _driver = new(system);
    private readonly MailSink _mail = new(system.App.GetEndpoint("mail", "http"));

    [Fact]
    public async Task A_paid_registration_yields_exactly_one_confirmation_email_with_the_invoice_attached()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 5);
        var attendee = _driver.NewAttendee();
        var email = Address();
        var registration = await _driver.RegisterAsync(attendee, e.Id, email);
        var intent = await _driver.CreateIntentAsync(attendee, Id(registration));
        await _driver.ConfirmAsync(attendee, Id(intent), "pm_card_visa");

        var confirmations = await _mail.ExactlyAsync(email, 1, m => m.Subject.StartsWith("You're registered", StringComparison.Ordinal));
        var invoice = (await _driver.GetAsync(attendee, $"/invoices?registrationId={Id(registration)}"))["invoices"]![0]!;
        var all = await _mail.ToAsync(email);

        confirmations.ShouldHaveSingleItem().Attachments.ShouldBe([$"{invoice["number"]}.pdf"]);
        confirmations[0].Text.ShouldContain($"Your invoice {invoice["number"]} (49.00 €, paid) is attached.");
        all.Select(m => m.Subject).ShouldBe([$"Your seat at Paid Days is held until {Deadline(registration)}", confirmations[0].Subject], ignoreOrder: true);
    }

    [Fact]
    public async Task A_waitlist_promotion_yields_the_promoted_email_with_its_payment_deadline()
    {
        var (_, e) = await _driver.PaidEventAsync(capacity: 1);
        var first = _driver.NewAttendee();
        var second = _driver.NewAttendee();
        var email = Address();
        var holding = await _driver.RegisterAsync(first, e.Id);
        var waiting = await _driver.RegisterAsync(second, e.Id, email, locale: "fr-FR");

        await _driver.PostAsync(first, $"/registrations/{Id(holding)}/cancel", new { reason = "Plans changed" });
        var promoted = await _driver.RegistrationWhenAsync(second, Id(waiting), "REGISTRATION_STATUS_PENDING");
        var mails = await _mail.ExactlyAsync(email, 1, m => m.Subject.StartsWith("Une place à", StringComparison.Ordinal));

        mails.ShouldHaveSingleItem().Text.ShouldContain($"Réglez 49,00 € avant le {Deadline(promoted, "fr-FR")}");
        mails[0].Text.ShouldContain($"/checkout/{Id(waiting)}");
        (await _mail.ToAsync(email)).Select(m => m.Subject).ShouldContain(s => s.StartsWith("Vous êtes sur la liste d'attente", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_moved_session_is_told_only_to_its_attendees_by_email_and_in_the_app()
    {
        var (organizerToken, e) = await _driver.Catalog.NewPublishedAsync("Sessions Days");
        var talk = await SessionAsync(organizerToken, e.Id, "Async in depth", hour: 10);
        var other = await SessionAsync(organizerToken, e.Id, "Span and Memory", hour: 14);
        var (concerned, concernedEmail) = (_driver.NewAttendee(), Address());
        var (unconcerned, unconcernedEmail) = (_driver.NewAttendee(), Address());
        var mine = await RegisterForAsync(concerned, e.Id, concernedEmail, talk.Id);
        await RegisterForAsync(unconcerned, e.Id, unconcernedEmail, other.Id);
        await _driver.WhenAsync(concerned, $"/registrations/{Id(mine)}", r => r["sessionIds"]?.AsArray().Count == 1, "the session held");

        await new ProgramApi.ProgramService.ProgramServiceClient(system.GrpcChannel("program")).UpdateSessionAsync(
            new ProgramApi.UpdateSessionRequest
            {
                Id = talk.Id,
                StartTime = Timestamp.FromDateTimeOffset(talk.StartTime.ToDateTimeOffset().AddHours(1)),
                EndTime = Timestamp.FromDateTimeOffset(talk.EndTime.ToDateTimeOffset().AddHours(1)),
                ChangeNote = "The speaker's train is late.",
            },
            Bearer(organizerToken));
        var told = await _mail.ExactlyAsync(concernedEmail, 1, m => m.Subject.StartsWith("Change to the program", StringComparison.Ordinal));
        var notifications = await _driver.WhenAsync(
            concerned, "/notifications", n => n["notifications"]?.AsArray().Any(x => (string?)x!["kind"] == "MESSAGE_KIND_PROGRAM_CHANGED") == true,
            "the in-app notification");
        var othersNotifications = await _driver.GetAsync(unconcerned, "/notifications");

        told.ShouldHaveSingleItem().Text.ShouldContain("Async in depth");
        told[0].Text.ShouldContain("Time: ");
        told[0].Text.ShouldContain("The speaker's train is late.");
        (await _mail.ToAsync(unconcernedEmail)).ShouldNotContain(m => m.Subject.StartsWith("Change to the program", StringComparison.Ordinal));
        othersNotifications["notifications"]!.AsArray().ShouldNotContain(n => (string?)n!["kind"] == "MESSAGE_KIND_PROGRAM_CHANGED");
        ((int?)notifications["unreadCount"]).ShouldNotBeNull().ShouldBeGreaterThan(0);
        var read = await _driver.PostAsync(concerned, "/notifications/read-all", new { });
        ((int?)read["markedCount"]).ShouldBe((int?)notifications["unreadCount"]);
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_naming_the_field_and_an_organizer_template_is_used_in_its_language()
    {
        var (organizerToken, e) = await _driver.Catalog.NewPublishedAsync("Template Days");
        await Eventually.HoldsAsync(async () => (await Bff(organizerToken).GetAsync($"/events/{e.Id}/messages")).StatusCode == HttpStatusCode.OK,
            "notification to know the event");

        using var bad = await Bff(organizerToken).PostAsJsonAsync("/templates", new
        {
            requestId = Guid.NewGuid().ToString(), organizerId = e.OrganizerId, kind = "MESSAGE_KIND_REGISTRATION_CONFIRMED", locale = "fr",
            subject = "Bienvenue {{ attendee.name }}", bodyText = "Bonjour {{ attendee.nme }}, à bientôt à {{ event.title }}.",
        });
        var created = await _driver.PostAsync(organizerToken, "/templates", new
        {
            requestId = Guid.NewGuid().ToString(), organizerId = e.OrganizerId, kind = "MESSAGE_KIND_REGISTRATION_CONFIRMED", locale = "fr",
            subject = "Bienvenue à {{ event.title }}", bodyText = "Bonjour {{ attendee.name }}, votre place est confirmée.",
        });
        var attendee = _driver.NewAttendee();
        var email = Address();
        await _driver.RegisterAsync(attendee, e.Id, email, locale: "fr-BE");

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("body_text");
        problem.ShouldContain("attendee.nme");
        ((string?)created["locale"]).ShouldBe("fr");
        (await _mail.ExactlyAsync(email, 1, m => m.Subject == "Bienvenue à Template Days")).ShouldHaveSingleItem()
            .Text.Trim().ShouldBe("Bonjour Ada Lovelace, votre place est confirmée.");
    }

    [Fact]
    public async Task An_organizer_message_reaches_each_confirmed_attendee_once_by_email_and_in_the_app_and_the_organizer_sees_the_deliveries()
    {
        var (organizerToken, e) = await _driver.Catalog.NewPublishedAsync("Message Days");
        var attendees = Enumerable.Range(0, 3).Select(_ => (Token: _driver.NewAttendee(), Email: Address())).ToList();
        foreach (var (token, email) in attendees)
        {
            await _driver.RegisterAsync(token, e.Id, email);
        }

        await Eventually.HoldsAsync(async () => (await Bff(organizerToken).GetAsync($"/events/{e.Id}/messages")).StatusCode == HttpStatusCode.OK,
            "notification to know the event");
        var request = new
        {
            requestId = Guid.NewGuid().ToString(), subject = "Doors open at 8:30", bodyText = "Bring your badge.",
            audience = "AUDIENCE_KIND_ALL_CONFIRMED", channels = new[] { "DELIVERY_CHANNEL_EMAIL", "DELIVERY_CHANNEL_IN_APP" },
        };
        var sent = await _driver.PostAsync(organizerToken, $"/events/{e.Id}/messages", request);
        var again = await _driver.PostAsync(organizerToken, $"/events/{e.Id}/messages", request);
        using var notTheirs = await Bff(attendees[0].Token).PostAsJsonAsync($"/events/{e.Id}/messages", request with { requestId = Guid.NewGuid().ToString() });
        using var noAudience = await Bff(organizerToken).PostAsJsonAsync($"/events/{e.Id}/messages", new { requestId = Guid.NewGuid().ToString(), subject = "", bodyText = "x" });

        foreach (var (_, email) in attendees)
        {
            (await _mail.ExactlyAsync(email, 1, m => m.Subject == "Doors open at 8:30")).ShouldHaveSingleItem().Text.Trim().ShouldBe("Bring your badge.");
        }

        var message = await _driver.WhenAsync(
            organizerToken, $"/events/{e.Id}/messages/{Id(sent)}", m => (string?)m["status"] == "EVENT_MESSAGE_STATUS_SENT", "the message sent");
        var deliveries = await _driver.GetAsync(organizerToken, $"/deliveries?eventId={e.Id}&kind=MESSAGE_KIND_ORGANIZER_MESSAGE");
        var inApp = await _driver.GetAsync(attendees[1].Token, "/notifications?unreadOnly=true");

        Id(again).ShouldBe(Id(sent));
        ((int?)message["recipientCount"]).ShouldBe(3);
        deliveries["deliveries"]!.AsArray().Select(d => (string?)d!["channel"]).Order()
            .ShouldBe(Enumerable.Repeat("DELIVERY_CHANNEL_EMAIL", 3).Concat(Enumerable.Repeat("DELIVERY_CHANNEL_IN_APP", 3)));
        inApp["notifications"]!.AsArray().ShouldContain(n => (string?)n!["title"] == "Doors open at 8:30");
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        noAudience.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noAudience.Content.ReadAsStringAsync()).ShouldContain("audience");
    }

    private static string Address() => $"attendee-{Guid.NewGuid():N}@example.org";

    private HttpClient Bff(string token) => _driver.Catalog.BffAs(token);

    private static string Deadline(JsonNode registration, string locale = "en-GB") =>
        EventPlatform.Notification.Application.Messages.MessageModel.Time(
            DateTimeOffset.Parse((string)registration["paymentDueTime"]!, System.Globalization.CultureInfo.InvariantCulture), "Europe/Paris", locale);

    private Task<JsonNode> RegisterForAsync(string token, string eventId, string email, string sessionId) =>
        _driver.PostAsync(token, "/registrations", new
        {
            requestId = Guid.NewGuid().ToString(), eventId, name = "Ada Lovelace", email, locale = "en-GB", sessionIds = new[] { sessionId },
        });

    private async Task<ProgramApi.Session> SessionAsync(string organizerToken, string eventId, string title, int hour) =>
        await new ProgramApi.ProgramService.ProgramServiceClient(system.GrpcChannel("program")).CreateSessionAsync(
            new ProgramApi.CreateSessionRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                EventId = eventId,
                Title = title,
                StartTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(hour - NextYear.Hour)),
                EndTime = Timestamp.FromDateTimeOffset(NextYear.AddHours(hour + 1 - NextYear.Hour)),
            },
            Bearer(organizerToken));
}
