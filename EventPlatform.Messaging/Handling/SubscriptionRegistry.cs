using System.Diagnostics.CodeAnalysis;
using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Handling;

/// <summary>Every event type the service handles, its handlers, and the topics (contexts) it therefore consumes.</summary>
internal sealed class SubscriptionRegistry
{
    private readonly Dictionary<string, EventSubscription> _byType;
    private readonly HashSet<string> _packages;

    public SubscriptionRegistry(IEnumerable<HandlerRegistration> registrations)
    {
        var all = registrations.ToList();
        var clash = all.GroupBy(r => (r.EventType, r.ConsumerName)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Two handlers of {clash.Key.EventType} are named '{clash.Key.ConsumerName}': they would share inbox records. " +
                "Give one of them another consumer name in Subscribe.");
        }

        _byType = all.GroupBy(r => r.EventType).ToDictionary(
            g => g.Key, g => new EventSubscription(g.First().Parser, [.. g]), StringComparer.Ordinal);
        _packages = all.Select(r => Topics.PackageOf(r.EventType)).ToHashSet(StringComparer.Ordinal);
        ConsumedTopics = all.Select(r => r.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Logical topic names, e.g. "registration.events".</summary>
    public IReadOnlyList<string> ConsumedTopics { get; }

    public bool TryGet(string eventType, [NotNullWhen(true)] out EventSubscription? subscription) =>
        _byType.TryGetValue(eventType, out subscription);

    /// <summary>
    /// An event of a context the service consumes, of a type it has no handler for (other events on the same topic, or
    /// one added to the contract since this service was built): not an error, nothing to do.
    /// </summary>
    public bool IsOfConsumedContext(string eventType) => _packages.Contains(Topics.PackageOf(eventType));
}

internal sealed record EventSubscription(Google.Protobuf.MessageParser Parser, IReadOnlyList<HandlerRegistration> Handlers);
