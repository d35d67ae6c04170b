using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Watching;

/// <summary>
/// Sees the integration events of the watched contexts as they are published, on every replica of the service, at most
/// once: for what a missed event cannot corrupt for long, such as a cache that drops an entry and also lets it expire.
/// State that must not miss an event belongs in a handler subscribed on the event bus, with its inbox.
/// </summary>
public interface IEventWatcher
{
    ValueTask SeeAsync(WatchedEvent watched, CancellationToken cancellationToken);
}

/// <param name="Topic">The logical topic, e.g. "catalog.events" (without the configured prefix).</param>
public sealed record WatchedEvent(string Topic, IntegrationEventEnvelope Envelope);
