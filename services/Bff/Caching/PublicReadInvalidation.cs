using System.Collections.Concurrent;
using System.Diagnostics;
using EventPlatform.Messaging.Watching;
using Microsoft.AspNetCore.OutputCaching;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// Drops the cached public reads an integration event makes stale, on every replica of the BFF: a catalog event its
/// event's page, availability and the listing; a program event its program and availability (sessions' seats). It also
/// remembers when each tag was dropped, so that a read which began before the drop (and may carry what was there before
/// the change) is not stored after it.
/// </summary>
internal sealed class PublicReadInvalidation(IOutputCacheStore store) : IEventWatcher
{
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, long> _droppedAt = new(StringComparer.Ordinal);

    public async ValueTask SeeAsync(WatchedEvent watched, CancellationToken cancellationToken)
    {
        var eventId = watched.Envelope.PartitionKey;
        switch (watched.Topic)
        {
            case "catalog.events":
                await DropAsync(PublicRead.Tag(PublicReads.Event, eventId), cancellationToken);
                await DropAsync(PublicRead.Tag(PublicReads.Availability, eventId), cancellationToken);
                await DropAsync(PublicRead.Listing, cancellationToken);
                break;
            case "program.events":
                await DropAsync(PublicRead.Tag(PublicReads.Program, eventId), cancellationToken);
                await DropAsync(PublicRead.Tag(PublicReads.Availability, eventId), cancellationToken);
                break;
        }
    }

    /// <summary>Whether the tag was dropped after <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public bool DroppedSince(string tag, long startedAt) => _droppedAt.TryGetValue(tag, out var at) && at >= startedAt;

    private async ValueTask DropAsync(string tag, CancellationToken cancellationToken)
    {
        _droppedAt[tag] = Stopwatch.GetTimestamp();
        await store.EvictByTagAsync(tag, cancellationToken);
        if (_droppedAt.Count > PruneAbove)
        {
            // Reads last longer than a second only when something is wrong; a minute of memory is plenty.
            foreach (var (old, at) in _droppedAt)
            {
                if (Stopwatch.GetElapsedTime(at) > Remembered)
                {
                    _droppedAt.TryRemove(old, out _);
                }
            }
        }
    }
}
