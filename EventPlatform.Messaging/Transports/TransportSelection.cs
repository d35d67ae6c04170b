using EventPlatform.Messaging.Transports.Kafka;
using EventPlatform.Messaging.Transports.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Messaging.Transports;

/// <summary>Kafka as soon as a Kafka connection string is configured (a cluster); otherwise Redis Streams (local).</summary>
internal static class TransportSelection
{
    public const string KafkaConnectionName = "kafka";
    public const string RedisConnectionName = "redis";

    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration configuration) =>
        Select(configuration, services.AddKafkaTransport, services.AddRedisStreamsTransport);

    public static IServiceCollection AddTransportWatch(this IServiceCollection services, IConfiguration configuration) =>
        Select(configuration, services.AddKafkaWatch, services.AddRedisStreamsWatch);

    private static IServiceCollection Select(
        IConfiguration configuration, Func<string, IServiceCollection> kafkaTransport, Func<string, IServiceCollection> redisTransport)
    {
        var kafka = configuration.GetConnectionString(KafkaConnectionName);
        if (!string.IsNullOrWhiteSpace(kafka))
        {
            return kafkaTransport(kafka);
        }

        var redis = configuration.GetConnectionString(RedisConnectionName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            return redisTransport(redis);
        }

        throw new InvalidOperationException(
            "No event transport is configured. Set ConnectionStrings__redis to a Redis address (host:port) for Redis Streams, " +
            "or ConnectionStrings__kafka to Kafka bootstrap servers. The AppHost sets redis for every service that references it.");
    }
}
