using System.Diagnostics;
using EventPlatform.Contracts.Registration.V1;
using ZiggyCreatures.Caching.Fusion;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// An event's seats left, held at the edge for 0.7 s: with the output cache's 0.2 s in front, within the second of
/// staleness allowed. Past half of that time, a read is answered with what is held while one call to the registration
/// service refreshes it in the background: in a rush no reader waits on that call, and registration is asked about three
/// times a second per event, whatever the crowd. A change of the event or its program drops the entry
/// (<see cref="PublicReadInvalidation"/>).
/// </summary>
internal sealed class AvailabilityCache(RegistrationService.RegistrationServiceClient registration, PublicReadDrops drops)
    : IDisposable
{
    private readonly FusionCache _cache = new(new FusionCacheOptions
    {
        CacheName = "availability",
        DefaultEntryOptions = new FusionCacheEntryOptions { Duration = TimeSpan.FromSeconds(0.7), EagerRefreshThreshold = 0.5f },
    });

    /// <summary>The event's availability; the registration service's refusal (unknown event, bad id) as it gave it.</summary>
    public async Task<EventAvailability> GetAsync(string eventId, CancellationToken cancellationToken) =>
        await _cache.GetOrSetAsync<EventAvailability>(eventId, (_, ct) => FetchAsync(eventId, ct), token: cancellationToken);

    public ValueTask DropAsync(string eventId, CancellationToken cancellationToken) =>
        _cache.RemoveAsync(eventId, token: cancellationToken);

    public void Dispose() => _cache.Dispose();

    private async Task<EventAvailability> FetchAsync(string eventId, CancellationToken cancellationToken)
    {
        var request = new GetEventAvailabilityRequest { EventId = eventId };
        var startedAt = Stopwatch.GetTimestamp();
        var availability = await registration.GetEventAvailabilityAsync(request, cancellationToken: cancellationToken);
        // A read overtaken by a change may show what was there before it: ask again rather than keep it for a second.
        return drops.DroppedSince(PublicRead.Tag(PublicReads.Availability, eventId), startedAt)
            ? await registration.GetEventAvailabilityAsync(request, cancellationToken: cancellationToken)
            : availability;
    }
}
