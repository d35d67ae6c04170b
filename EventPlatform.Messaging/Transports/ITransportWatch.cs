namespace EventPlatform.Messaging.Transports;

/// <summary>
/// Every message published on the topics after the watch started, to every watcher, at most once: no group shares them
/// out, nothing is acknowledged, retried or dead-lettered. For state that a missed message cannot corrupt for long, such
/// as a cache told to drop an entry that also expires. Unreadable messages are skipped.
/// </summary>
internal interface ITransportWatch
{
    Task RunAsync(IReadOnlyList<string> topics, WatchHandler onMessage, CancellationToken cancellationToken);
}

/// <summary>Sees one message; what it throws is logged and the watch goes on with the next.</summary>
internal delegate ValueTask WatchHandler(IncomingMessage message, CancellationToken cancellationToken);
