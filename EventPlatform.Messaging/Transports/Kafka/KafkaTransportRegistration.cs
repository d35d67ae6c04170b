using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Messaging.Transports.Kafka;

internal static class KafkaTransportRegistration
{
    public const string HealthCheckName = "messaging-kafka";

    public static IServiceCollection AddKafkaTransport(this IServiceCollection services, string bootstrapServers)
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<KafkaClients>(sp, bootstrapServers));
        services.AddSingleton<KafkaTopics>();
        services.AddSingleton<ITransportPublisher, KafkaPublisher>();
        services.AddSingleton<ITransportConsumer, KafkaConsumer>();
        services.AddSingleton<IDeadLetterQueue, KafkaDeadLetterQueue>();
        services.AddHealthChecks().AddCheck<KafkaTransportHealthCheck>(HealthCheckName, tags: ["ready"]);
        return services;
    }
}
