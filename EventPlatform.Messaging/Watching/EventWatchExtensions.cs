using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Envelope;
using EventPlatform.Messaging.Transports;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.Messaging.Watching;

public static class EventWatchExtensions
{
    /// <summary>
    /// Shows every integration event of the given contexts, published after the service started, to
    /// <typeparamref name="TWatcher"/> (a singleton, which the service may also use), on every replica: no consumer group shares them out, nothing is
    /// acknowledged, and the service needs no database. Over Redis Streams (XREAD) or Kafka (a group per replica that
    /// never commits), whichever the event bus uses.
    /// </summary>
    /// <param name="serviceName">Names the watcher's connections and Kafka groups, e.g. "bff".</param>
    /// <param name="contexts">The events file of each watched context, e.g. <c>EventsReflection.Descriptor</c> of catalog.</param>
    public static IHostApplicationBuilder AddEventWatch<TWatcher>(
        this IHostApplicationBuilder builder, string serviceName, params FileDescriptor[] contexts)
        where TWatcher : class, IEventWatcher
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var topics = contexts.Select(Topics.Of).Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count == 0)
        {
            throw new ArgumentException("Name at least one context to watch.", nameof(contexts));
        }

        var services = builder.Services;
        services.AddOptions<EventBusOptions>()
            .Bind(builder.Configuration.GetSection(EventBusOptions.SectionName))
            .PostConfigure(o => o.ServiceName = o.ServiceName.Length > 0 ? o.ServiceName : serviceName);
        services.AddMessagingCore();
        services.AddTransportWatch(builder.Configuration);
        services.TryAddSingleton<TWatcher>();
        services.AddSingleton<IEventWatcher>(sp => sp.GetRequiredService<TWatcher>());
        services.AddSingleton(new WatchedTopics(topics));
        services.AddHostedService<EventWatchService>();
        return builder;
    }
}
