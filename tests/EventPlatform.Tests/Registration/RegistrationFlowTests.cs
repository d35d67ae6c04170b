extern alias RegistrationService;

using EventPlatform.Domain;
using EventPlatform.Tests.Messaging;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegistrationService::EventPlatform.Registrations.Application;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using RegistrationService::EventPlatform.Registrations.Infrastructure;
using Proto = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Tests.Registrations;

/// <summary>The flows of one replica against real PostgreSQL and Redis, with a clock the test moves.</summary>
[Collection(RegistrationCollection.Name)]
public sealed class RegistrationFlowTests(RegistrationInfrastructure infrastructure) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private RegistrationReplica _replica = null!;

    public async Task InitializeAsync() =>
        _replica = await RegistrationReplica.StartAsync(
            await infrastructure.CreateDatabaseAsync("flows"), infrastructure.RedisConnectionString, _clock, $"t{Guid.NewGuid():N}");

    public async Task DisposeAsync() => await _replica.DisposeAsync();

    [Fact]
    public async Task A_lapsed_hold_expires_on_time_and_passes_the_seat_to_the_next_in_line()
    {
        var eventId = await PublishAsync(capacity: 1, paid: true);
        var first = await _replica.RegisterAsync(eventId, "first");
        var second = await _replica.RegisterAsync(eventId, "second");
        Assert.Equal(RegistrationStatus.Pending, first.Status);
        Assert.Equal(RegistrationStatus.Waitlisted, second.Status);

        _clock.Advance(TimeSpan.FromMinutes(15));

        await Eventually.HoldsAsync(async () => await StatusAsync(first.Id) == RegistrationStatus.Expired, "the first hold to lapse");
        var promoted = await GetAsync(second.Id);
        Assert.Equal(RegistrationStatus.Pending, promoted.Status);
        Assert.True(promoted.PromotedFromWaitlist);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), promoted.HoldDeadline);

        _clock.Advance(TimeSpan.FromMinutes(15));

        await Eventually.HoldsAsync(async () => await StatusAsync(second.Id) == RegistrationStatus.Expired, "the promoted hold to lapse");
        Assert.Equal(0, await TakenAsync(eventId));
        Assert.Equal(RegistrationStatus.Pending, (await _replica.RegisterAsync(eventId, "third")).Status);
    }

    [Fact]
    public async Task A_hold_before_its_deadline_stays()
    {
        var eventId = await PublishAsync(capacity: 1, paid: true);
        var held = await _replica.RegisterAsync(eventId, "held");

        _clock.Advance(TimeSpan.FromMinutes(14));
        var expired = await _replica.InScopeAsync(s => s.GetRequiredService<HoldExpiry>().ExpireDueAsync(CancellationToken.None));

        Assert.Equal(0, expired);
        Assert.Equal(RegistrationStatus.Pending, await StatusAsync(held.Id));
    }

    [Fact]
    public async Task A_full_event_without_waitlist_refuses_naming_the_rule()
    {
        var eventId = await PublishAsync(capacity: 1, waitlist: false);
        await _replica.RegisterAsync(eventId, "in");

        var e = await Assert.ThrowsAsync<BusinessRuleBrokenException>(() => _replica.RegisterAsync(eventId, "out"));

        Assert.Equal("WaitlistMustBeEnabled", e.Rule.Name);
        Assert.Equal(1, await TakenAsync(eventId));
    }

    [Fact]
    public async Task The_same_request_twice_returns_the_first_registration_and_takes_one_seat()
    {
        var eventId = await PublishAsync(capacity: 5);

        var first = await _replica.RegisterAsync(eventId, "ada", requestId: "same-key");
        var again = await _replica.RegisterAsync(eventId, "ada", requestId: "same-key");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await TakenAsync(eventId));
    }

    [Fact]
    public async Task One_active_registration_per_attendee_and_event()
    {
        var eventId = await PublishAsync(capacity: 5);
        await _replica.RegisterAsync(eventId, "ada", requestId: "one");

        await Assert.ThrowsAsync<AlreadyExistsException>(() => _replica.RegisterAsync(eventId, "ada", requestId: "two"));
    }

    [Fact]
    public async Task Cancelling_with_nobody_waiting_gives_the_seat_back_to_the_next_registrant()
    {
        var eventId = await PublishAsync(capacity: 1);
        var ada = await _replica.RegisterAsync(eventId, "ada");

        var cancelled = await CancelAsync(ada.Id, new Caller("ada", false));
        var bob = await _replica.RegisterAsync(eventId, "bob");

        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
        Assert.Equal(RegistrationStatus.Confirmed, bob.Status);
        Assert.Equal(1, await TakenAsync(eventId));
    }

    [Fact]
    public async Task Only_the_attendee_or_the_events_organizer_cancels()
    {
        var eventId = await PublishAsync(capacity: 1);
        var ada = await _replica.RegisterAsync(eventId, "ada");

        await Assert.ThrowsAsync<PermissionDeniedException>(() => CancelAsync(ada.Id, new Caller("mallory", false)));
        var byOrganizer = await CancelAsync(ada.Id, new Caller("organizer-1", false));

        Assert.Equal(CancellationCause.Organizer, byOrganizer.CancellationCause);
    }

    [Fact]
    public async Task Approval_sets_a_seat_aside_and_rejection_passes_it_to_the_waitlist()
    {
        var eventId = await PublishAsync(capacity: 1, approval: true);
        var ada = await _replica.RegisterAsync(eventId, "ada");
        var bob = await _replica.RegisterAsync(eventId, "bob");
        Assert.Equal(RegistrationStatus.AwaitingApproval, ada.Status);
        Assert.Equal(RegistrationStatus.AwaitingApproval, bob.Status);
        Assert.True(ada.HoldsSeat);
        Assert.False(bob.HoldsSeat);

        var organizer = new Caller("organizer-1", false);
        var approvedBob = await _replica.InScopeAsync(s => s.GetRequiredService<RegistrationCommands>().ApproveAsync(bob.Id, organizer, CancellationToken.None));
        Assert.Equal(RegistrationStatus.Waitlisted, approvedBob.Status);

        await _replica.InScopeAsync(s => s.GetRequiredService<RegistrationCommands>().RejectAsync(ada.Id, "members only", organizer, CancellationToken.None));

        Assert.Equal(RegistrationStatus.Rejected, await StatusAsync(ada.Id));
        Assert.Equal(RegistrationStatus.Confirmed, await StatusAsync(bob.Id));
        Assert.Equal(1, await TakenAsync(eventId));
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_as_many_as_the_new_seats()
    {
        var eventId = await PublishAsync(capacity: 1);
        var registrations = new List<Registration>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            registrations.Add(await _replica.RegisterAsync(eventId, name));
        }

        await PublishAsync(capacity: 3, id: eventId);

        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            await Task.WhenAll(registrations.Select(r => StatusAsync(r.Id))));
        Assert.Equal(3, await TakenAsync(eventId));
    }

    [Fact]
    public async Task A_cancelled_event_cancels_every_active_registration_and_frees_the_seats_without_promoting()
    {
        var eventId = await PublishAsync(capacity: 1);
        var confirmed = await _replica.RegisterAsync(eventId, "confirmed");
        var waitlisted = await _replica.RegisterAsync(eventId, "waitlisted");

        await CancelEventAsync(eventId, "Venue flooded");

        foreach (var id in new[] { confirmed.Id, waitlisted.Id })
        {
            var cancelled = await GetAsync(id);
            Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
            Assert.Equal(CancellationCause.EventCancelled, cancelled.CancellationCause);
            Assert.Equal("Venue flooded", cancelled.StatusReason);
            Assert.False(cancelled.PromotedFromWaitlist);
        }

        Assert.Equal(0, await TakenAsync(eventId));
        await Assert.ThrowsAsync<BusinessRuleBrokenException>(() => _replica.RegisterAsync(eventId, "late"));
    }

    private Task CancelEventAsync(Guid eventId, string reason) =>
        _replica.InBusTransactionAsync(s =>
            ActivatorUtilities.CreateInstance<RegistrationService::EventPlatform.Registrations.Application.Catalog.ProjectCapacityPolicy>(s)
                .HandleAsync(
                    new Proto.EventCancelled
                    {
                        Event = new Proto.Event { Id = eventId.ToString(), OwnerId = "organizer-1", Capacity = 1, Status = Proto.EventStatus.Cancelled },
                        Reason = reason,
                    },
                    new EventPlatform.Messaging.Handling.IntegrationEventContext
                    {
                        MessageId = Guid.NewGuid().ToString(),
                        Source = "catalog",
                        Type = "eventplatform.catalog.v1.EventCancelled",
                        Time = DateTimeOffset.UtcNow,
                        OrderingKey = eventId.ToString(),
                        Topic = "catalog.events",
                        DeliveryAttempt = 1,
                    },
                    CancellationToken.None));

    private Task<Registration> CancelAsync(Guid id, Caller caller) =>
        _replica.InScopeAsync(s => s.GetRequiredService<RegistrationCommands>().CancelAsync(id, null, caller, CancellationToken.None));

    private async Task<Guid> PublishAsync(int capacity, bool paid = false, bool waitlist = true, bool approval = false, Guid? id = null)
    {
        var eventId = id ?? Guid.NewGuid();
        var e = new Proto.Event
        {
            Id = eventId.ToString(),
            OwnerId = "organizer-1",
            Capacity = capacity,
            WaitlistEnabled = waitlist,
            ApprovalRequired = approval,
            Status = Proto.EventStatus.Published,
            RegistrationOpensTime = Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddDays(-1)),
            RegistrationClosesTime = Timestamp.FromDateTimeOffset(_clock.GetUtcNow().AddDays(30)),
        };
        if (paid)
        {
            e.Price = new EventPlatform.Contracts.Common.V1.Money { AmountMinor = 4900, Currency = "EUR" };
        }

        await _replica.PublishAsync(e);
        return eventId;
    }

    private Task<Registration> GetAsync(Guid id) =>
        _replica.InScopeAsync(s => s.GetRequiredService<RegistrationDbContext>().Registrations.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<RegistrationStatus> StatusAsync(Guid id) => (await GetAsync(id)).Status;

    private Task<int> TakenAsync(Guid eventId) =>
        _replica.InScopeAsync(s => s.GetRequiredService<RegistrationDbContext>().EventSeats.AsNoTracking()
            .Where(e => e.EventId == eventId).Select(e => e.Taken).SingleAsync());
}
