using System.Text.RegularExpressions;
using EventPlatform.Tests.Identity;
using EventPlatform.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventPlatform.Tests.WebFront;

/// <summary>
/// The web front as its people use it, in Chromium: an organizer signs up by emailed code and publishes an event with
/// two sessions; an attendee signs in with a passkey, registers, chooses a session, pays and downloads the invoice; the
/// organizer sees the registration and the statistics move. Every main page is photographed, checked by axe-core, and
/// must fit a phone's width.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed partial class WebFrontTests(WholeSystemFixture system) : IAsyncLifetime
{
    private static readonly DateTime EventDay = DateTime.UtcNow.Date.AddDays(40);
    private readonly IdentityDriver _identity = new(system);
    private Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private static readonly PageGetByLabelOptions Exactly = new() { Exact = true };

    private Uri Bff => system.App.GetEndpoint("bff", "http");

    [Fact]
    public async Task An_organizer_publishes_an_event_and_an_attendee_with_a_passkey_registers_pays_and_gets_the_invoice()
    {
        var organizer = await _browser.OpenAsync(Bff);
        var title = $"Browser Days {Guid.NewGuid():N}"[..24];
        await SignInByCodeAsync(organizer, IdentityDriver.NewEmail());
        await BecomeOrganizerAsync(organizer);
        var eventId = await CreateEventAsync(organizer, title);
        await AddProgramAsync(organizer);
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(organizer.GetByText("Published", new() { Exact = true })).ToBeVisibleAsync();

        var attendee = await _browser.OpenAsync(Bff);
        await Browser.AddVirtualAuthenticatorAsync(attendee);
        var attendeeEmail = IdentityDriver.NewEmail();
        await SignInByCodeAsync(attendee, attendeeEmail);
        await AddPasskeyAndSignInWithItAsync(attendee);
        await _browser.LookAtAsync(attendee, "events");

        await attendee.GotoAsync($"/#/events/{eventId}");
        await Expect(attendee.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(attendee.GetByText("Keynote: the web front")).ToBeVisibleAsync();
        await _browser.LookAtAsync(attendee, "event");
        await attendee.GetByLabel("Your name", Exactly).FillAsync("Grace Hopper");
        await attendee.GetByLabel(new Regex("^Workshop: passkeys")).CheckAsync();
        await attendee.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Register and pay") }).ClickAsync();

        await Expect(attendee.GetByRole(AriaRole.Heading, new() { Name = "Checkout" })).ToBeVisibleAsync();
        await _browser.LookAtAsync(attendee, "checkout");
        await attendee.GetByLabel(new Regex("4242")).CheckAsync();
        await attendee.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay") }).ClickAsync();
        await Expect(attendee.GetByTestId("confirmed")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await attendee.GetByRole(AriaRole.Link, new() { Name = "See my registration" }).ClickAsync();
        await Expect(attendee.GetByTestId("registration-status")).ToHaveTextAsync("Confirmed");
        var download = await ReloadUntilVisibleAsync(attendee, attendee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download PDF") }).First);
        await _browser.LookAtAsync(attendee, "registration");
        var pdf = await attendee.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await pdf.PathAsync())!);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        (await attendee.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Workshop: passkeys") }).IsCheckedAsync()).ShouldBeTrue();

        await organizer.GotoAsync($"/#/organizer/events/{eventId}/registrations");
        await Expect(organizer.GetByTestId("registrations").GetByText("Grace Hopper")).ToBeVisibleAsync();
        await Expect(organizer.GetByTestId("registrations").GetByText("Confirmed")).ToBeVisibleAsync();
        await _browser.LookAtAsync(organizer, "organizer-registrations");
        await organizer.GotoAsync($"/#/organizer/events/{eventId}/statistics");
        await ReloadUntilVisibleAsync(organizer, organizer.GetByTestId("confirmed-count").GetByText("1", new() { Exact = true }));
        await Expect(organizer.GetByTestId("gross-revenue")).ToHaveTextAsync("€49.00");
        await _browser.LookAtAsync(organizer, "organizer-statistics");
        await organizer.GotoAsync("/#/organizer");
        await Expect(organizer.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await _browser.LookAtAsync(organizer, "organizer");

        _browser.AccessibilityViolations.ShouldBeEmpty();
        _browser.TooWide.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scalar_at_slash_api_shows_the_json_api_of_every_service()
    {
        var page = await _browser.OpenAsync(Bff);

        await page.GotoAsync("/api/");

        foreach (var service in new[] { "CatalogService", "ProgramService", "RegistrationService", "PaymentService", "BillingService", "NotificationService", "AnalyticsService", "Session", "Account" })
        {
            await Expect(page.GetByText(service, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "api-desktop.png") });
    }

    private async Task SignInByCodeAsync(IPage page, string email)
    {
        await page.GotoAsync("/#/sign-in");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(await _identity.ReadCodeAsync(email));
        await _browser.LookAtAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private async Task AddPasskeyAndSignInWithItAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await page.GetByLabel("Name of this passkey (optional)", Exactly).FillAsync("Test phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Test phone"))).ToBeVisibleAsync();
        await _browser.LookAtAsync(page, "account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming events" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync("/#/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private async Task BecomeOrganizerAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Become an organizer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your organizer profile" })).ToBeVisibleAsync();
        await page.GetByLabel("Legal name", Exactly).FillAsync("Browser Conferences SAS");
        await page.GetByLabel("Address", Exactly).FillAsync("1 rue de la Paix");
        await page.GetByLabel("Postal code", Exactly).FillAsync("75002");
        await page.GetByLabel("City", Exactly).FillAsync("Paris");
        await page.GetByLabel(new Regex("^Country code")).FillAsync("FR");
        await page.GetByLabel("Invoice number prefix", Exactly).FillAsync($"BR{Random.Shared.Next(1000, 9999)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "New event" })).ToBeVisibleAsync();
    }

    /// <summary>Creates the event, first with its end before its start: the broken rule shows on the end field.</summary>
    private async Task<string> CreateEventAsync(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        await page.GetByLabel("Title", Exactly).FillAsync(title);
        await page.GetByLabel("Description", Exactly).FillAsync("Two sessions about the web front, in a browser.");
        await page.GetByLabel("Venue", Exactly).FillAsync("Salle Pleyel");
        await page.GetByLabel("Address", Exactly).FillAsync("252 rue du Faubourg Saint-Honoré");
        await page.GetByLabel("Postal code", Exactly).FillAsync("75008");
        await page.GetByLabel("City", Exactly).FillAsync("Paris");
        await page.GetByLabel(new Regex("^Country code")).FillAsync("FR");
        await page.GetByLabel("Starts", Exactly).FillAsync(Local(EventDay.AddHours(9)));
        await page.GetByLabel("Ends", Exactly).FillAsync(Local(EventDay.AddHours(8)));
        await page.GetByLabel("Capacity", Exactly).FillAsync("50");
        await page.GetByLabel(new Regex("^Price")).FillAsync("49.00");
        await page.GetByLabel("VAT rate (%)", Exactly).FillAsync("0");
        await page.GetByLabel("Refund deadline", Exactly).FillAsync(Local(EventDay.AddDays(-7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Expect(page.Locator("#f-end_time-error")).ToContainTextAsync("EventMustEndAfterItStarts");
        await _browser.LookAtAsync(page, "event-form");

        await page.GetByLabel("Ends", Exactly).FillAsync(Local(EventDay.AddHours(18)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the event" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        return EventIdPattern().Match(page.Url).Groups[1].Value;
    }

    private async Task AddProgramAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Program" }).ClickAsync();
        await page.GetByLabel("Room name", Exactly).FillAsync("Grande salle");
        await page.GetByLabel("Seats", Exactly).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the room" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = new Regex("^Grande salle") })).ToBeVisibleAsync();
        await page.GetByLabel("Speaker name", Exactly).FillAsync("Ada Lovelace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the speaker" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).GetByText("Ada Lovelace")).ToBeVisibleAsync();

        await AddSessionAsync(page, "Keynote: the web front", EventDay.AddHours(10), plenary: true);
        await AddSessionAsync(page, "Workshop: passkeys", EventDay.AddHours(11), plenary: false);

        // Moved onto the keynote (same room, same speaker), the workshop breaks a rule: it shows on the field concerned.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change Workshop: passkeys" }).ClickAsync();
        var edit = page.Locator("section", new() { HasText = "Change “Workshop: passkeys”" });
        await edit.GetByLabel(new Regex("^Starts")).FillAsync(Local(EventDay.AddHours(10)));
        await edit.GetByLabel(new Regex("^Ends")).FillAsync(Local(EventDay.AddHours(10).AddMinutes(50)));
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(edit.Locator(".field-error")).ToContainTextAsync(new Regex("overlap", RegexOptions.IgnoreCase));
        await _browser.LookAtAsync(page, "organizer-program");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
    }

    private static async Task AddSessionAsync(IPage page, string title, DateTime start, bool plenary)
    {
        var form = page.Locator("details", new() { HasText = "Add a session" });
        if (await form.GetAttributeAsync("open") is null)
        {
            await page.GetByText("Add a session").ClickAsync();
        }

        await form.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel(new Regex("^Starts")).FillAsync(Local(start));
        await form.GetByLabel(new Regex("^Ends")).FillAsync(Local(start.AddMinutes(50)));
        await form.GetByLabel("Room", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Grande salle" });
        await form.GetByLabel("Ada Lovelace", new() { Exact = true }).CheckAsync();
        if (plenary)
        {
            await form.GetByLabel(new Regex("^Plenary")).CheckAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Add the session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex($"^{Regex.Escape(title)}") })).ToBeVisibleAsync();
    }

    /// <summary>Figures that other services bring in a moment later (invoice, statistics): the page is loaded again until they show.</summary>
    private static async Task<ILocator> ReloadUntilVisibleAsync(IPage page, ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await locator.IsVisibleAsync())
        {
            if (DateTime.UtcNow > deadline)
            {
                await Expect(locator).ToBeVisibleAsync(new() { Timeout = 1 });
            }

            await Task.Delay(500);
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        return locator;
    }

    /// <summary>A wall-clock time in the event's zone (Europe/Paris, the browser's), as a datetime-local input takes it.</summary>
    private static string Local(DateTime wallClock) => wallClock.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("/organizer/events/([0-9a-f-]{36})")]
    private static partial Regex EventIdPattern();
}
