using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.Messaging.Outbox;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using IntegrationEvents = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Catalog.Application.Events;

/// <summary>
/// Every change to an event: only its organizer (or an admin) may make it, and the integration event it causes is
/// saved in the same transaction as the change (outbox), so neither exists without the other.
/// </summary>
public sealed class EventCommands(CatalogStore store, IOutbox outbox, ISeatCounts seats, TimeProvider clock)
{
    public async Task<Event> CreateAsync(Caller caller, string requestId, OrganizerId organizerId, EventDetails details, CancellationToken cancellationToken)
    {
        if (await store.Db.Events.AsNoTracking().WithRequestId(requestId).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var organizer = await store.OrganizerAsync(organizerId, cancellationToken);
        caller.MustOwn(organizer.OwnerId, "this organizer");
        var created = Event.CreateDraft(EventId.New(), organizer, details, clock.GetUtcNow());
        return await store.AddOnceAsync(created, requestId, rows => rows, cancellationToken);
    }

    public async Task<Event> UpdateAsync(Caller caller, EventId id, EventChanges changes, CancellationToken cancellationToken)
    {
        return await ChangeAsync(caller, id, cancellationToken, async e =>
        {
            var taken = e.HasBeenPublished && changes.Capacity is { } capacity && capacity.Seats < e.Capacity.Seats
                ? await seats.TakenSeatsAsync(id, cancellationToken)
                : null;
            var names = e.Update(changes, taken, clock.GetUtcNow());
            if (names.Count > 0 && e.HasBeenPublished)
            {
                outbox.Enqueue(new IntegrationEvents.EventUpdated { Event = e.ToContract(), ChangedFields = { names } });
            }
        });
    }

    public Task<Event> PublishAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e =>
        {
            e.Publish(clock.GetUtcNow());
            outbox.Enqueue(new IntegrationEvents.EventPublished { Event = e.ToContract() });
            return Task.CompletedTask;
        });

    public Task<Event> CloseRegistrationsAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e =>
        {
            e.CloseRegistrations(clock.GetUtcNow());
            outbox.Enqueue(new IntegrationEvents.RegistrationsClosed { Event = e.ToContract() });
            return Task.CompletedTask;
        });

    public Task<Event> CompleteAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e =>
        {
            e.Complete(clock.GetUtcNow());
            outbox.Enqueue(new IntegrationEvents.EventUpdated { Event = e.ToContract(), ChangedFields = { "status" } });
            return Task.CompletedTask;
        });

    public Task<Event> CancelAsync(Caller caller, EventId id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e =>
        {
            var wasPublished = e.HasBeenPublished;
            e.Cancel(reason, clock.GetUtcNow());
            // A draft had no audience: nobody downstream knows of it, so nobody needs to hear it is cancelled.
            if (wasPublished)
            {
                outbox.Enqueue(new IntegrationEvents.EventCancelled { Event = e.ToContract(), Reason = e.CancellationReason });
            }

            return Task.CompletedTask;
        });

    public async Task DeleteAsync(Caller caller, EventId id, CancellationToken cancellationToken)
    {
        var e = await store.EventForChangeAsync(id, cancellationToken);
        caller.MustOwn(e.OwnerId, "this event");
        e.EnsureDeletable();
        store.Db.Events.Remove(e);
        await store.SaveAsync(cancellationToken);
    }

    private async Task<Event> ChangeAsync(Caller caller, EventId id, CancellationToken cancellationToken, Func<Event, Task> change)
    {
        var e = await store.EventForChangeAsync(id, cancellationToken);
        caller.MustOwn(e.OwnerId, "this event");
        await change(e);
        await store.SaveAsync(cancellationToken);
        return e;
    }
}
