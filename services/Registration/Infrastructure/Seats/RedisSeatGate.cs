using System.Diagnostics;
using EventPlatform.Registrations.Application.Ports;
using StackExchange.Redis;

namespace EventPlatform.Registrations.Infrastructure.Seats;

/// <summary>
/// The fast gate in front of the seat ledger: a Redis counter of free seats per event, decremented atomically by a
/// Lua script, so a sold-out event answers "no seat" without touching PostgreSQL. It may only err on the generous
/// side (PostgreSQL's guarded UPDATE has the last word); a counter that is missing is rebuilt from PostgreSQL before
/// anything is granted.
/// </summary>
public sealed class RedisSeatGate(IConnectionMultiplexer redis) : ISeatGate
{
    public static readonly ActivitySource ActivitySource = new("EventPlatform.Registration");

    // A grant also marks the event busy for a while: until then a grant may still be on its way to PostgreSQL, and
    // reconciliation must not mistake that seat for drift.
    private const string TakeScript = """
        local free = redis.call('GET', KEYS[1])
        if not free then return -1 end
        if tonumber(free) > 0 then
          redis.call('DECR', KEYS[1])
          redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
          return 1
        end
        return 0
        """;

    // A missing counter stays missing: creating it at 1 would invent a free seat count out of nothing.
    private const string GiveBackScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end
        return -1
        """;

    private static readonly TimeSpan LockTime = TimeSpan.FromSeconds(5);

    public static RedisKey CounterKey(Guid eventId) => $"registration:seats:{{{eventId:N}}}:free";

    private static RedisKey LockKey(Guid eventId) => $"registration:seats:{{{eventId:N}}}:rebuild";

    public static RedisKey BusyKey(Guid eventId) => $"registration:seats:{{{eventId:N}}}:busy";

    public async Task<SeatGateAnswer> TryTakeAsync(Guid eventId, TimeSpan busyFor)
    {
        using var activity = StartActivity("seat_gate take", eventId);
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            TakeScript, [CounterKey(eventId), BusyKey(eventId)], [(long)busyFor.TotalMilliseconds]);
        var answer = result switch
        {
            1 => SeatGateAnswer.Granted,
            0 => SeatGateAnswer.NoSeat,
            _ => SeatGateAnswer.Unknown,
        };
        activity?.SetTag("eventplatform.seat_gate.answer", answer.ToString());
        return answer;
    }

    /// <summary>After a release committed in PostgreSQL, or a granted seat was not used after all.</summary>
    public async Task GiveBackAsync(Guid eventId, int seats = 1)
    {
        using var activity = StartActivity("seat_gate give_back", eventId);
        await redis.GetDatabase().ScriptEvaluateAsync(GiveBackScript, [CounterKey(eventId)], [seats]);
    }

    /// <summary>
    /// Whether a seat was granted within the quiet period: the attempt may still be waiting for PostgreSQL, which then
    /// shows a free seat that is in fact spoken for.
    /// </summary>
    public async Task<bool> IsBusyAsync(Guid eventId) => await redis.GetDatabase().KeyExistsAsync(BusyKey(eventId));

    /// <summary>Drops the counter: the next attempt rebuilds it from PostgreSQL (after capacity was lowered).</summary>
    public async Task ForgetAsync(Guid eventId)
    {
        using var activity = StartActivity("seat_gate forget", eventId);
        await redis.GetDatabase().KeyDeleteAsync(CounterKey(eventId));
    }

    /// <summary>
    /// Sets the counter from PostgreSQL's free seats under a short lock, so replicas rebuilding at once do not
    /// overwrite each other with stale reads. Returns false when another replica holds the lock (try again).
    /// </summary>
    /// <param name="overwrite">Reconciliation overwrites a drifted counter; a rebuild only fills a missing one.</param>
    public async Task<bool> RebuildAsync(Guid eventId, Func<Task<int?>> freeSeatsInDatabase, bool overwrite)
    {
        using var activity = StartActivity("seat_gate rebuild", eventId);
        var db = redis.GetDatabase();
        var token = Guid.NewGuid().ToString("N");
        if (!await db.StringSetAsync(LockKey(eventId), token, LockTime, When.NotExists))
        {
            activity?.SetTag("eventplatform.seat_gate.lock", "busy");
            return false;
        }

        try
        {
            if (await freeSeatsInDatabase() is { } free)
            {
                await db.StringSetAsync(CounterKey(eventId), Math.Max(free, 0), when: overwrite ? When.Always : When.NotExists);
                activity?.SetTag("eventplatform.seat_gate.free", free);
            }

            return true;
        }
        finally
        {
            // Only our own lock: it may have expired and been taken by another replica meanwhile.
            await db.ScriptEvaluateAsync(
                "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                [LockKey(eventId)], [token]);
        }
    }

    private static Activity? StartActivity(string name, Guid eventId)
    {
        var activity = ActivitySource.StartActivity(name, ActivityKind.Client);
        activity?.SetTag("db.system.name", "redis");
        activity?.SetTag("eventplatform.event_id", eventId.ToString());
        return activity;
    }
}
