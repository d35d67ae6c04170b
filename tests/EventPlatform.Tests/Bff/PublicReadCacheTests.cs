using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Tests.Infrastructure;
using EventPlatform.Tests.Messaging;
using EventPlatform.Tests.Payment;
using EventPlatform.Tests.Registrations;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.Bff;

/// <summary>
/// The BFF answers public reads from its cache, and a change shows as soon as its integration event reached it: the
/// waits below are far shorter than the entries' lifetimes (60 s), so a read that shows the change was dropped by the
/// event, not expired. Availability lives one second, the staleness it is allowed.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed class PublicReadCacheTests(WholeSystemFixture system)
{
    private static readonly TimeSpan WellWithinLifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan AvailabilityLifetime = TimeSpan.FromSeconds(1);

    private readonly RegistrationDriver _driver = new(system);

    [Fact]
    public async Task A_public_read_is_served_from_the_cache_with_validators_and_a_browser_that_has_it_gets_304()
    {
        var (_, published) = await _driver.Catalog.NewPublishedAsync($"Cached {Guid.NewGuid():N}");
        using var anonymous = _driver.Catalog.BffAs(null);

        using var first = await anonymous.GetAsync($"/events/{published.Id}");
        // Not at once: a read that began before EventPublished reached the BFF and dropped the page is not stored.
        using var second = await Eventually.ReturnsAsync(() => anonymous.GetAsync($"/events/{published.Id}"), r => r.Headers.Age is not null, "a read from the cache");
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"/events/{published.Id}");
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await anonymous.SendAsync(revalidation);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag.ShouldNotBeNull();
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();
        first.Headers.CacheControl.Public.ShouldBeTrue();
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        revalidated.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task An_edit_of_title_and_capacity_shows_on_the_event_page_the_listing_and_availability_once_its_event_arrives()
    {
        var word = $"w{Guid.NewGuid():N}";
        var (token, published) = await _driver.Catalog.NewPublishedAsync($"Before {word}");
        using var anonymous = _driver.Catalog.BffAs(null);
        (await TitleAsync(anonymous, published.Id)).ShouldBe($"Before {word}");
        (await ListedTitlesAsync(anonymous, word)).ShouldBe([$"Before {word}"]);
        await Eventually.HoldsAsync(async () => await CapacityAsync(anonymous, published.Id) == 100, "registration to learn of the event");

        await _driver.Catalog.Client.UpdateEventAsync(
            new UpdateEventRequest { Id = published.Id, Title = $"After {word}", Capacity = 250 }, Bearer(token));

        await Eventually.HoldsAsync(async () => await TitleAsync(anonymous, published.Id) == $"After {word}", "the new title on the event page", WellWithinLifetime);
        await Eventually.HoldsAsync(async () => (await ListedTitlesAsync(anonymous, word)).SequenceEqual([$"After {word}"]), "the new title in the listing", WellWithinLifetime);
        await Eventually.HoldsAsync(async () => await CapacityAsync(anonymous, published.Id) == 250, "the new capacity in availability", WellWithinLifetime);
    }

    [Fact]
    public async Task Availability_shows_a_registration_and_a_cancellation_within_a_second()
    {
        var (_, published) = await _driver.Catalog.NewPublishedAsync($"Seats {Guid.NewGuid():N}");
        using var anonymous = _driver.Catalog.BffAs(null);
        await Eventually.HoldsAsync(async () => await RemainingAsync(anonymous, published.Id) == 100, "registration to learn of the event");

        var (registration, headers) = await _driver.RegisterAsync(published.Id);
        await Task.Delay(AvailabilityLifetime);
        var afterRegistration = await RemainingAsync(anonymous, published.Id);

        await _driver.Registrations.CancelRegistrationAsync(new CancelRegistrationRequest { Id = registration.Id, Reason = "plans changed" }, headers);
        await Task.Delay(AvailabilityLifetime);
        var afterCancellation = await RemainingAsync(anonymous, published.Id);

        afterRegistration.ShouldBe(99);
        afterCancellation.ShouldBe(100);
    }

    [Fact]
    public async Task A_signed_in_organizer_reads_past_the_cache_and_sees_their_own_draft_in_the_listing()
    {
        var word = $"w{Guid.NewGuid():N}";
        var (token, organizer) = await _driver.Catalog.NewOrganizerAsync();
        await _driver.Catalog.Client.CreateEventAsync(NewEventRequest(organizer.Id, $"Draft {word}"), Bearer(token));
        using var anonymous = _driver.Catalog.BffAs(null);
        using var owner = _driver.Catalog.BffAs(token);

        var seenByAnyone = await ListedTitlesAsync(anonymous, word, organizer.Id);
        var seenByOwner = await ListedTitlesAsync(owner, word, organizer.Id);

        seenByAnyone.ShouldBeEmpty();
        seenByOwner.ShouldBe([$"Draft {word}"]);
    }

    private static async Task<string?> TitleAsync(HttpClient http, string eventId) =>
        (await http.GetFromJsonAsync<JsonElement>($"/events/{eventId}")).GetProperty("title").GetString();

    private async Task<int?> CapacityAsync(HttpClient http, string eventId) =>
        (await AvailabilityAsync(http, eventId))?.GetProperty("capacity").GetInt32();

    private async Task<int?> RemainingAsync(HttpClient http, string eventId) =>
        (await AvailabilityAsync(http, eventId))?.TryGetProperty("remainingSeats", out var remaining) == true ? remaining.GetInt32() : 0;

    /// <summary>
    /// Null until registration has projected the published event (it learns of it from catalog's event). Any other
    /// answer than these two fails with the spans of the read, to show which hop took the time.
    /// </summary>
    private async Task<JsonElement?> AvailabilityAsync(HttpClient http, string eventId)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{eventId}/availability");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await http.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode is not HttpStatusCode.OK)
        {
            var spans = await system.App.Spans.WaitForTraceAsync(traceId, _ => false, TimeSpan.FromSeconds(6));
            var logs = system.App.Logs.OfTrace(traceId).Select(l => $"{l.ServiceName} {l.Category}: {l.Body} {l.Exception}");
            throw new ShouldAssertException(
                $"The availability read answered {response.StatusCode}.\ntrace {traceId}:\n{PaymentDriver.Describe(spans)}\n{string.Join('\n', logs)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<IReadOnlyList<string?>> ListedTitlesAsync(HttpClient http, string word, string? organizerId = null)
    {
        var query = organizerId is null ? $"query={word}" : $"query={word}&organizerId={organizerId}";
        var listing = await http.GetFromJsonAsync<JsonElement>($"/events?{query}");
        return listing.TryGetProperty("events", out var events) ? events.EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList() : [];
    }
}
