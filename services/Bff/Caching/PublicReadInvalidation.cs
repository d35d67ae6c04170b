using EventPlatform.Messaging.Watching;
using Microsoft.AspNetCore.OutputCaching;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// Drops the cached public reads an integration event makes stale, on every replica of the BFF: a catalog event its
/// event's page, availability and the listing; a program event its program and availability (sessions' seats).
/// </summary>
internal sealed class PublicReadInvalidation(IOutputCacheStore store, AvailabilityCache availability, PublicReadDrops drops)
    : IEventWatcher
{
    public async ValueTask SeeAsync(WatchedEvent watched, CancellationToken cancellationToken)
    {
        var eventId = watched.Envelope.PartitionKey;
        switch (watched.Topic)
        {
            case "catalog.events":
                await DropAsync(PublicRead.Tag(PublicReads.Event, eventId), cancellationToken);
                await DropAvailabilityAsync(eventId, cancellationToken);
                await DropAsync(PublicRead.Listing, cancellationToken);
                break;
            case "program.events":
                await DropAsync(PublicRead.Tag(PublicReads.Program, eventId), cancellationToken);
                await DropAvailabilityAsync(eventId, cancellationToken);
                break;
        }
    }

    /// <summary>Its data first, so that a response cached after the drop cannot be made from what was held before it.</summary>
    private async ValueTask DropAvailabilityAsync(string eventId, CancellationToken cancellationToken)
    {
        var tag = PublicRead.Tag(PublicReads.Availability, eventId);
        drops.Dropped(tag);
        await availability.DropAsync(eventId, cancellationToken);
        await store.EvictByTagAsync(tag, cancellationToken);
    }

    private async ValueTask DropAsync(string tag, CancellationToken cancellationToken)
    {
        drops.Dropped(tag);
        await store.EvictByTagAsync(tag, cancellationToken);
    }
}
