using StackExchange.Redis;

namespace EventPlatform.Tests.Messaging;

/// <summary>Looks at Redis directly, beside the bus: what a stream holds and what a group has not acknowledged.</summary>
internal sealed class RedisProbe(ConnectionMultiplexer redis) : IAsyncDisposable
{
    public IDatabase Database => redis.GetDatabase();

    public static async Task<RedisProbe> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync(connectionString));

    public async Task<long> PendingAsync(string stream, string group) =>
        (await Database.StreamPendingAsync(stream, group)).PendingMessageCount;

    public async ValueTask DisposeAsync() => await redis.DisposeAsync();
}
