using EventPlatform.Messaging.Envelope;
using EventPlatform.Messaging.Handling;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Messaging;

/// <summary>Declares which integration events the service consumes and which handler applies each.</summary>
public sealed class EventBusBuilder
{
    internal EventBusBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>
    /// Consumes <typeparamref name="TEvent"/> from its context's topic with <typeparamref name="THandler"/> (resolved per
    /// event in a scope of its own). Several handlers of one event each get their own transaction and inbox record,
    /// kept under <paramref name="consumerName"/> (by default the handler's type name): renaming it makes the inbox
    /// forget what that handler already applied.
    /// </summary>
    public EventBusBuilder Subscribe<TEvent, THandler>(string? consumerName = null)
        where TEvent : class, IMessage<TEvent>, new()
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var descriptor = new TEvent().Descriptor;
        Services.TryAddScoped<THandler>();
        Services.AddSingleton(new HandlerRegistration(
            descriptor.FullName,
            Topics.Of(descriptor),
            new MessageParser<TEvent>(() => new TEvent()),
            consumerName ?? typeof(THandler).Name,
            (services, message, context, cancellationToken) =>
                services.GetRequiredService<THandler>().HandleAsync((TEvent)message, context, cancellationToken)));
        return this;
    }
}
