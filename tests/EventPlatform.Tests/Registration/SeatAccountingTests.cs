extern alias RegistrationService;

using RegistrationService::EventPlatform.Registrations.Application;
using RegistrationService::EventPlatform.Registrations.Application.Ports;
using RegistrationService::EventPlatform.Registrations.Application.Seats;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using RegistrationService::EventPlatform.Registrations.Infrastructure;
using RegistrationService::EventPlatform.Registrations.Infrastructure.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using EventPlatform.Tests.Messaging;
using Npgsql;
using StackExchange.Redis;

namespace EventPlatform.Tests.Registrations;

/// <summary>
/// Flash sale on two replicas of the service over one PostgreSQL and one Redis: never more seats used or held than
/// the capacity, the waitlist served strictly in arrival order, and the same after Redis lost its data.
/// </summary>
[Collection(RegistrationCollection.Name)]
public sealed class SeatAccountingTests(RegistrationInfrastructure infrastructure) : IAsyncLifetime
{
    private const int Seats = 100;
    private const int Attempts = 2000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private RegistrationReplica _first = null!;
    private RegistrationReplica _second = null!;
    private string _database = null!;
    private string _prefix = null!;

    public async Task InitializeAsync()
    {
        var database = _database = await infrastructure.CreateDatabaseAsync("seats");
        var prefix = _prefix = $"t{Guid.NewGuid():N}";
        // One after the other: the first applies the migrations.
        _first = await RegistrationReplica.StartAsync(database, infrastructure.RedisConnectionString, _clock, prefix);
        _second = await RegistrationReplica.StartAsync(database, infrastructure.RedisConnectionString, _clock, prefix);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }


    /// <summary>
    /// DbContexts are pooled, and the service's own background work (outbox, housekeeping) opens their connections by
    /// hand: one handed back still counted as open made every later request on it hold a connection for its whole scope,
    /// and a rush of requests waiting on the group commit then held the pool the group commit needed.
    /// </summary>
    [Fact]
    public async Task A_request_holds_a_database_connection_only_while_it_queries()
    {
        var eventId = await _first.PublishOpenEventAsync(Seats, _clock.GetUtcNow());

        for (var i = 0; i < 20; i++)
        {
            var states = await _first.InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<RegistrationDbContext>();
                await s.GetRequiredService<Policies>().GetAsync(eventId, CancellationToken.None);
                var afterQuery = db.Database.GetDbConnection().State;
                await s.GetRequiredService<SeatAllocator>().AskGateAsync(eventId, CancellationToken.None);
                return (afterQuery, afterGate: db.Database.GetDbConnection().State);
            });

            Assert.Equal((System.Data.ConnectionState.Closed, System.Data.ConnectionState.Closed), states);
        }
    }

    [Fact]
    public async Task Two_thousand_attempts_on_a_hundred_seats_confirm_exactly_a_hundred_and_waitlist_the_rest_in_order()
    {
        var eventId = await _first.PublishOpenEventAsync(Seats, _clock.GetUtcNow());

        await RegisterEveryoneAsync(eventId, duringTheRush: null);

        var registrations = await AllAsync(eventId);
        Assert.Equal(Attempts, registrations.Count);
        Assert.Equal(Attempts, registrations.Select(r => r.Attendee.Subject).Distinct().Count());
        Assert.Equal(Seats, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(Attempts - Seats, registrations.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(Seats, await TakenAsync(eventId));

        var oldestWaiting = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistTicket).Take(30).Select(r => r.Id).ToList();
        var cancelled = registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Take(30).ToList();
        await Task.WhenAll(cancelled.Select((r, i) => (i % 2 == 0 ? _first : _second).InScopeAsync(s =>
            s.GetRequiredService<RegistrationCommands>().CancelAsync(r.Id, "plans changed", new Caller(r.Attendee.Subject, false), CancellationToken.None))));

        var after = await AllAsync(eventId);
        Assert.Equal(Seats, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(30, after.Count(r => r.Status == RegistrationStatus.Cancelled));
        Assert.Equal(oldestWaiting.Order(), after.Where(r => r.PromotedFromWaitlist).Select(r => r.Id).Order());
        Assert.Equal(oldestWaiting, await PromotionOrderAsync());
        Assert.Equal(Seats, await TakenAsync(eventId));
    }

    [Fact]
    public async Task Redis_flushed_in_the_middle_of_the_rush_still_never_oversells()
    {
        var eventId = await _first.PublishOpenEventAsync(Seats, _clock.GetUtcNow());
        var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);

        await RegisterEveryoneAsync(eventId, duringTheRush: () => redis.GetServers()[0].FlushAllDatabasesAsync());

        var registrations = await AllAsync(eventId);
        var confirmed = registrations.Count(r => r.Status == RegistrationStatus.Confirmed);
        Assert.InRange(confirmed, 0, Seats);
        Assert.Equal(confirmed, await TakenAsync(eventId));
        Assert.Equal(Attempts, registrations.Count);
        Assert.Equal(Attempts, registrations.Select(r => r.Attendee.Subject).Distinct().Count());

        // Whatever the fast gate turned away while it rebuilt, reconciliation hands to the waitlist, in order.
        await _first.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SeatReconciliation>().ReconcileAsync(eventId, CancellationToken.None);
            return true;
        });
        var reconciled = await AllAsync(eventId);
        Assert.Equal(Seats, reconciled.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(Attempts - Seats, reconciled.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(Seats, await TakenAsync(eventId));
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task An_attempt_abandoned_after_redis_granted_its_seat_gives_the_seat_back()
    {
        var eventId = await _first.PublishOpenEventAsync(1, _clock.GetUtcNow());
        var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        // Another transaction holds the seat row, so the attempt stops between Redis's grant and PostgreSQL's answer.
        await using var lockHolder = await SeatRowHold.TakeAsync(_database, eventId);

        using var caller = new CancellationTokenSource();
        var abandoned = _first.RegisterAsync(eventId, "impatient", cancellationToken: caller.Token);
        var counter = RedisSeatGate.CounterKey(eventId);
        while ((int?)await redis.GetDatabase().StringGetAsync(counter) != 0)
        {
            Assert.False(abandoned.IsCompleted, "the attempt ended before Redis granted the seat");
            await Task.Delay(10);
        }

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await lockHolder.ReleaseAsync();

        Assert.Equal(1, (int?)await redis.GetDatabase().StringGetAsync(counter));
        var next = await _second.RegisterAsync(eventId, "patient");
        Assert.Equal(RegistrationStatus.Confirmed, next.Status);
        Assert.Equal(1, await TakenAsync(eventId));
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Registrations_that_arrive_while_their_event_commits_are_grouped_and_each_gets_the_answer_it_would_have_alone()
    {
        var eventId = await _first.PublishOpenEventAsync(3, _clock.GetUtcNow());
        // The seat row is held, so the first attempt waits in its transaction and the next ones queue behind it.
        await using var lockHolder = await SeatRowHold.TakeAsync(_database, eventId);

        var first = _first.RegisterAsync(eventId, "first");
        await Eventually.HoldsAsync(() => WaitingOnSeatRowAsync(eventId), "the first attempt to wait for the seat row");
        var queued = new Dictionary<string, Task<RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration>>();
        foreach (var subject in new[] { "second", "third", "fourth", "fifth" })
        {
            queued[subject] = _first.RegisterAsync(eventId, subject);
        }

        // The same attendee again under another key, and the same request again: they clash inside the group.
        var sameAttendee = _first.RegisterAsync(eventId, "second", requestId: $"other-{Guid.NewGuid():N}");
        var sameRequest = _first.RegisterAsync(eventId, "third");
        await Task.Delay(200);
        Assert.All(queued.Values, t => Assert.False(t.IsCompleted));
        await lockHolder.ReleaseAsync();

        // Queue order is arrival order, which the callers' own checks make unpredictable here: the answers are
        // compared with the database rather than with the order of the calls.
        Assert.Equal(RegistrationStatus.Confirmed, (await first).Status);
        var clashes = await Task.WhenAll(Outcome(queued["second"]), Outcome(sameAttendee));
        Assert.Single(clashes, c => c is null);
        Assert.Single(clashes, c => c is EventPlatform.Domain.AlreadyExistsException);
        Assert.Equal((await queued["third"]).Id, (await sameRequest).Id);
        var registrations = await AllAsync(eventId);
        Assert.Equal(5, registrations.Count);
        Assert.Equal(3, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        var waitlisted = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        Assert.Equal(2, waitlisted.Count);
        Assert.Equal(2, waitlisted.Select(r => r.WaitlistTicket).Distinct().Count());
        Assert.Equal(3, await TakenAsync(eventId));
    }

    [Fact]
    public async Task Without_a_waitlist_the_attempts_too_many_are_refused_alone_and_the_last_seat_still_goes_to_the_one_of_their_group_it_was_for()
    {
        var eventId = await _first.PublishOpenEventAsync(2, _clock.GetUtcNow(), waitlist: false);
        await using var lockHolder = await SeatRowHold.TakeAsync(_database, eventId);
        var first = _first.RegisterAsync(eventId, "first");
        await Eventually.HoldsAsync(() => WaitingOnSeatRowAsync(eventId), "the first attempt to wait for the seat row");
        // One group behind it: the last seat and two attempts too many.
        var group = new[] { "second", "third", "fourth" }.Select(subject => Outcome(_first.RegisterAsync(eventId, subject))).ToList();
        await Task.Delay(200);
        await lockHolder.ReleaseAsync();

        Assert.Equal(RegistrationStatus.Confirmed, (await first).Status);
        var outcomes = await Task.WhenAll(group);
        Assert.Single(outcomes, o => o is null);
        Assert.Equal(2, outcomes.Count(o => o is EventPlatform.Domain.BusinessRuleBrokenException));
        var registrations = await AllAsync(eventId);
        Assert.Equal(2, registrations.Count);
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.Equal(2, await TakenAsync(eventId));
    }

    [Fact]
    public async Task Reconciliation_leaves_a_seat_granted_moments_ago_to_its_attempt_and_repairs_it_once_the_event_is_quiet()
    {
        await using var third = await RegistrationReplica.StartAsync(
            _database, infrastructure.RedisConnectionString, _clock, _prefix, reconciliationQuietPeriod: TimeSpan.FromMinutes(5));
        var eventId = await _first.PublishOpenEventAsync(1, _clock.GetUtcNow());
        // An attempt on the third replica got Redis's grant and has not reached PostgreSQL yet (or its replica died).
        var granted = await third.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SeatAllocator>().RebuildAsync(eventId, overwrite: false, CancellationToken.None);
            var quietPeriod = s.GetRequiredService<IOptions<RegistrationOptions>>().Value.ReconciliationQuietPeriod;
            return await s.GetRequiredService<ISeatGate>().TryTakeAsync(eventId, quietPeriod);
        });
        var next = await _second.RegisterAsync(eventId, "next-in-line");

        await ReconcileAsync(eventId);
        var whileBusy = await _first.InScopeAsync(s => s.GetRequiredService<RegistrationQueries>().GetAsync(next.Id, null, CancellationToken.None));
        var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        await redis.GetDatabase().KeyDeleteAsync(RedisSeatGate.BusyKey(eventId));
        await ReconcileAsync(eventId);
        var onceQuiet = await _first.InScopeAsync(s => s.GetRequiredService<RegistrationQueries>().GetAsync(next.Id, null, CancellationToken.None));

        Assert.Equal(SeatGateAnswer.Granted, granted);
        Assert.Equal(RegistrationStatus.Waitlisted, next.Status);
        Assert.Equal(RegistrationStatus.Waitlisted, whileBusy.Registration.Status);
        Assert.Equal(RegistrationStatus.Confirmed, onceQuiet.Registration.Status);
        Assert.Equal(1, await TakenAsync(eventId));
        await redis.DisposeAsync();
    }

    private Task ReconcileAsync(Guid eventId) =>
        _first.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SeatReconciliation>().ReconcileAsync(eventId, CancellationToken.None);
            return true;
        });

    private async Task RegisterEveryoneAsync(Guid eventId, Func<Task>? duringTheRush)
    {
        var done = 0;
        var rushTask = Task.CompletedTask;
        // As many calls in flight per replica as one HTTP/2 connection carries streams (100): all 2,000 are started
        // at once, the server side takes them as a real gRPC endpoint would.
        using var firstStreams = new SemaphoreSlim(100);
        using var secondStreams = new SemaphoreSlim(100);
        await Task.WhenAll(Enumerable.Range(0, Attempts).Select(async i =>
        {
            var (replica, streams) = i % 2 == 0 ? (_first, firstStreams) : (_second, secondStreams);
            await streams.WaitAsync();
            try
            {
                await replica.RegisterAsync(eventId, $"attendee-{i:D4}");
            }
            finally
            {
                streams.Release();
            }

            if (Interlocked.Increment(ref done) == Attempts / 20 && duringTheRush is not null)
            {
                rushTask = duringTheRush();
            }
        }));
        await rushTask;
    }

    private Task<List<RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration>> AllAsync(Guid eventId) =>
        _first.InScopeAsync(s => s.GetRequiredService<RegistrationDbContext>().Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId).ToListAsync());

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Whether a transaction waits for the event's seat row (the one the test holds).</summary>
    private async Task<bool> WaitingOnSeatRowAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%event_seats%'",
            connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private Task<int> TakenAsync(Guid eventId) =>
        _first.InScopeAsync(s => s.GetRequiredService<RegistrationDbContext>().EventSeats.AsNoTracking()
            .Where(e => e.EventId == eventId).Select(e => e.Taken).SingleAsync());

    /// <summary>The registrations named by PromotedFromWaitlist events, in commit order (the outbox sequence).</summary>
    private Task<List<Guid>> PromotionOrderAsync() =>
        _first.InScopeAsync(async s => (await s.GetRequiredService<RegistrationDbContext>().Database
            .SqlQuery<string>($"SELECT subject AS \"Value\" FROM outbox_messages WHERE type = 'eventplatform.registration.v1.PromotedFromWaitlist' ORDER BY sequence")
            .ToListAsync()).Select(Guid.Parse).ToList());
}

/// <summary>Another transaction holding an event's seat row (FOR UPDATE) until released.</summary>
internal sealed class SeatRowHold : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private SeatRowHold(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (_connection, _transaction) = (connection, transaction);

    public static async Task<SeatRowHold> TakeAsync(string database, Guid eventId)
    {
        var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var lockRow = new NpgsqlCommand("SELECT 1 FROM event_seats WHERE event_id = @e FOR UPDATE", connection, transaction);
        lockRow.Parameters.AddWithValue("e", eventId);
        await lockRow.ExecuteScalarAsync();
        return new SeatRowHold(connection, transaction);
    }

    public Task ReleaseAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
