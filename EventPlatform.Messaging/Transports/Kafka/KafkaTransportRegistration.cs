using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Messaging.Transports.Kafka;

internal static class KafkaTransportRegistration
{
    public const string HealthCheckName = "messaging-kafka";

    public static IServiceCollection AddKafkaTransport(this IServiceCollection services, string bootstrapServers)
    {
        services.AddKafkaWatch(bootstrapServers);
        services.AddSingleton<ITransportPublisher, KafkaPublisher>();
        services.AddSingleton<ITransportConsumer, KafkaConsumer>();
        services.AddSingleton<IDeadLetterQueue, KafkaDeadLetterQueue>();
        services.AddHealthChecks().AddCheck<KafkaTransportHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }

    /// <summary>Only what watching needs: no health check, since a watcher of events works on without them.</summary>
    public static IServiceCollection AddKafkaWatch(this IServiceCollection services, string bootstrapServers)
    {
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<KafkaClients>(sp, bootstrapServers));
        services.TryAddSingleton<KafkaTopics>();
        services.TryAddSingleton<ITransportWatch, KafkaWatch>();
        return services;
    }
}
