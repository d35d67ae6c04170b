using System.Collections.Concurrent;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>The streams this service has published to since it started: the ones its trimmer looks after.</summary>
internal sealed class PublishedStreams
{
    private readonly ConcurrentDictionary<string, bool> _streams = new(StringComparer.Ordinal);

    public void Add(string stream) => _streams.TryAdd(stream, true);

    public IReadOnlyCollection<string> All => [.. _streams.Keys];
}
