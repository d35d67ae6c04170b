using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>Ready only while the event transport answers: a service that cannot publish or consume is not healthy.</summary>
internal sealed class RedisTransportHealthCheck(RedisConnections connections) : IHealthCheck
{
    private const string Unreachable = "Redis Streams transport: Redis does not answer; events wait in the outbox.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await connections.DatabaseAsync();
            if (!database.Multiplexer.IsConnected)
            {
                // Answer at once: a readiness probe must not wait out the command timeout of a Redis that is gone.
                return HealthCheckResult.Unhealthy(Unreachable);
            }

            var latency = await database.PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis Streams transport: PING answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return HealthCheckResult.Unhealthy(Unreachable, e);
        }
    }
}
