using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// The bus's Redis connections: one shared multiplexer for publishing, acknowledging, claiming and dead-lettering, and
/// one dedicated multiplexer per consumer loop for its blocking XREADGROUP, which would stall every other command
/// queued behind it on a shared connection. Both reconnect on their own after a Redis restart.
/// </summary>
internal sealed class RedisConnections(string connectionString, string clientName) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _shared;

    public async Task<IDatabase> DatabaseAsync()
    {
        if (_shared is { } ready)
        {
            return ready.GetDatabase();
        }

        await _connecting.WaitAsync();
        try
        {
            _shared ??= await ConnectionMultiplexer.ConnectAsync(Options(commandTimeout: null));
            return _shared.GetDatabase();
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>A connection of its own for blocking reads; its command timeout leaves room for the longest block.</summary>
    public async Task<ConnectionMultiplexer> ConnectDedicatedAsync(TimeSpan longestBlock) =>
        await ConnectionMultiplexer.ConnectAsync(Options(longestBlock + TimeSpan.FromSeconds(10)));

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private ConfigurationOptions Options(TimeSpan? commandTimeout)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is down (a restart, a late container) and keep reconnecting in the background.
        options.AbortOnConnectFail = false;
        options.ClientName ??= clientName;
        // Retry every half second rather than backing off for long: a restarted Redis is usually back within seconds.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        // The blocking reader parses XREADGROUP replies itself; RESP2 keeps their shape the same on every server.
        options.Protocol = RedisProtocol.Resp2;
        if (commandTimeout is { } timeout)
        {
            options.AsyncTimeout = (int)timeout.TotalMilliseconds;
            options.SyncTimeout = (int)timeout.TotalMilliseconds;
        }

        return options;
    }
}
