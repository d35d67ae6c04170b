using System.Collections.Concurrent;
using System.Diagnostics;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// When each public read's tag was last dropped, so that a read which began before the drop (and may carry what was
/// there before the change) is not kept after it, by the output cache or by <see cref="AvailabilityCache"/>.
/// </summary>
internal sealed class PublicReadDrops
{
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, long> _droppedAt = new(StringComparer.Ordinal);

    public void Dropped(string tag)
    {
        _droppedAt[tag] = Stopwatch.GetTimestamp();
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

    /// <summary>Whether the tag was dropped after <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public bool DroppedSince(string tag, long startedAt) => _droppedAt.TryGetValue(tag, out var at) && at >= startedAt;
}
