using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Messaging;

internal static class MessagingCoreRegistration
{
    /// <summary>What every part of the bus needs, whatever the transport: clock, metrics and the backlog they report.</summary>
    public static IServiceCollection AddMessagingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<OutboxBacklog>();
        services.TryAddSingleton<MessagingMetrics>();
        return services;
    }
}
