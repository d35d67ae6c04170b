using EventPlatform.Messaging.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Transports.Redis;

internal static class RedisTransportRegistration
{
    public const string HealthCheckName = "messaging-redis";

    public static IServiceCollection AddRedisStreamsTransport(this IServiceCollection services, string connectionString)
    {
        services.AddRedisStreamsWatch(connectionString);
        services.AddSingleton<PublishedStreams>();
        services.AddSingleton<ITransportPublisher, RedisStreamPublisher>();
        services.AddSingleton<ITransportConsumer, RedisStreamConsumer>();
        services.AddSingleton<IDeadLetterQueue, RedisDeadLetterQueue>();
        services.AddSingleton<RedisStreamTrimmer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RedisStreamTrimmer>());
        services.AddHealthChecks().AddCheck<RedisTransportHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }

    /// <summary>Only what watching needs: no health check, since a watcher of events works on without them.</summary>
    public static IServiceCollection AddRedisStreamsWatch(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(sp => new RedisConnections(connectionString, sp.GetRequiredService<IOptions<EventBusOptions>>().Value.ServiceName));
        services.TryAddSingleton<ITransportWatch, RedisStreamWatch>();
        return services;
    }
}
