extern alias RegistrationService;

using EventPlatform.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegistrationService::EventPlatform.Registrations.Application;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.ServiceDefaults.Paging;

namespace EventPlatform.Tests.Registrations;

/// <summary>The organizer's list, the attendee's pages and the event page's counts, against real PostgreSQL and Redis.</summary>
[Collection(RegistrationCollection.Name)]
public sealed class RegistrationQueryTests(RegistrationInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly Caller Organizer = new("organizer-1", IsAdmin: false);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private RegistrationReplica _replica = null!;

    public async Task InitializeAsync() =>
        _replica = await RegistrationReplica.StartAsync(
            await infrastructure.CreateDatabaseAsync("queries"), infrastructure.RedisConnectionString, _clock, $"t{Guid.NewGuid():N}");

    public async Task DisposeAsync() => await _replica.DisposeAsync();

    [Fact]
    public async Task The_waitlist_is_listed_in_order_with_positions_across_pages()
    {
        var eventId = await _replica.PublishOpenEventAsync(capacity: 1, _clock.GetUtcNow());
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await _replica.RegisterAsync(eventId, name);
        }

        var first = await ListAsync(eventId, RegistrationStatus.Waitlisted, pageSize: 3, token: null);
        var second = await ListAsync(eventId, RegistrationStatus.Waitlisted, pageSize: 3, token: first.NextPageToken);

        Assert.Equal([1, 2, 3], first.Registrations.Select(r => r.WaitlistPosition));
        Assert.Equal([4], second.Registrations.Select(r => r.WaitlistPosition));
        Assert.Equal(["b", "c", "d", "e"], first.Registrations.Concat(second.Registrations).Select(r => r.Registration.Attendee.Subject));
        Assert.Equal(4, first.TotalCount);
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task All_of_an_event_are_listed_in_arrival_order_and_searched_by_name_or_email()
    {
        var eventId = await _replica.PublishOpenEventAsync(capacity: 2, _clock.GetUtcNow());
        foreach (var name in new[] { "a", "b", "c" })
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await _replica.RegisterAsync(eventId, name);
        }

        var all = await ListAsync(eventId, status: null, pageSize: 20, token: null);
        var confirmed = await ListAsync(eventId, RegistrationStatus.Confirmed, pageSize: 20, token: null);
        var none = await ForEventAsync(new EventRegistrationsFilter(eventId, null, "100%_nobody", null, PageRequest.Of(20, null)), Organizer);

        Assert.Equal(["a", "b", "c"], all.Registrations.Select(r => r.Registration.Attendee.Subject));
        Assert.Equal([0, 0, 1], all.Registrations.Select(r => r.WaitlistPosition));
        Assert.Equal(2, confirmed.TotalCount);
        Assert.Empty(none.Registrations);
    }

    [Fact]
    public async Task Only_the_organizer_or_an_admin_lists_an_event()
    {
        var eventId = await _replica.PublishOpenEventAsync(capacity: 2, _clock.GetUtcNow());
        await _replica.RegisterAsync(eventId, "a");

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            ForEventAsync(new EventRegistrationsFilter(eventId, null, null, null, PageRequest.Of(20, null)), new Caller("a", IsAdmin: false)));
        var asAdmin = await ForEventAsync(new EventRegistrationsFilter(eventId, null, null, null, PageRequest.Of(20, null)), new Caller("root", IsAdmin: true));

        Assert.Single(asAdmin.Registrations);
    }

    [Fact]
    public async Task A_bad_page_token_is_named()
    {
        var eventId = await _replica.PublishOpenEventAsync(capacity: 2, _clock.GetUtcNow());

        var failure = await Assert.ThrowsAsync<InvalidInputException>(() =>
            ForEventAsync(new EventRegistrationsFilter(eventId, null, null, null, PageRequest.Of(20, "not a token")), Organizer));

        Assert.Equal("page_token", Assert.Single(failure.Violations).Field);
    }

    [Fact]
    public async Task My_registrations_come_newest_first_a_page_at_a_time()
    {
        var events = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var eventId = await _replica.PublishOpenEventAsync(capacity: 5, _clock.GetUtcNow());
            await _replica.RegisterAsync(eventId, "me");
            events.Add(eventId);
        }

        var me = new Caller("me", IsAdmin: false);
        var first = await _replica.InScopeAsync(s => s.GetRequiredService<RegistrationQueries>().MineAsync(me, null, null, PageRequest.Of(2, null), CancellationToken.None));
        var second = await _replica.InScopeAsync(s =>
            s.GetRequiredService<RegistrationQueries>().MineAsync(me, null, null, PageRequest.Of(2, first.NextPageToken), CancellationToken.None));

        Assert.Equal([events[2], events[1], events[0]], first.Registrations.Concat(second.Registrations).Select(r => r.Registration.EventId));
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task The_event_page_counts_remaining_seats_and_the_waitlist()
    {
        var eventId = await _replica.PublishOpenEventAsync(capacity: 2, _clock.GetUtcNow());
        foreach (var name in new[] { "a", "b", "c" })
        {
            await _replica.RegisterAsync(eventId, name);
        }

        var availability = await _replica.InScopeAsync(s => s.GetRequiredService<RegistrationQueries>().AvailabilityAsync(eventId, CancellationToken.None));

        Assert.Equal(2, availability.Capacity);
        Assert.Equal(0, availability.RemainingSeats);
        Assert.Equal(1, availability.WaitlistLength);
        Assert.True(availability.RegistrationOpen);
    }

    private Task<RegistrationPage> ListAsync(Guid eventId, RegistrationStatus? status, int pageSize, string? token) =>
        ForEventAsync(new EventRegistrationsFilter(eventId, status, null, null, PageRequest.Of(pageSize, token)), Organizer);

    private Task<RegistrationPage> ForEventAsync(EventRegistrationsFilter filter, Caller caller) =>
        _replica.InScopeAsync(s => s.GetRequiredService<RegistrationQueries>().ForEventAsync(filter, caller, CancellationToken.None));
}
