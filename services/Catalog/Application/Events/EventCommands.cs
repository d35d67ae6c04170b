using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Catalog.Application.Ports;

namespace EventPlatform.Catalog.Application.Events;

/// <summary>
/// Every change to an event: only its organizer (or an admin) may make it; what the event raises is told to other
/// services in the same transaction as the change (the pipeline's outbox), so neither exists without the other.
/// </summary>
public sealed class EventCommands(CommandPipeline<CatalogDbContext> pipeline, ISeatCounts seats, TimeProvider clock)
{
    public Task<Event> CreateAsync(Caller caller, string requestId, OrganizerId organizerId, EventDetails details, CancellationToken cancellationToken) =>
        pipeline.CreateOnceAsync(requestId, async (_, token) =>
        {
            var organizer = await pipeline.Db.Organizers.SingleOrNotFoundAsync(o => o.Id == organizerId, nameof(Organizer), organizerId, token);
            caller.MustOwn(organizer.OwnerId, "this organizer");
            var created = Event.CreateDraft(EventId.New(), organizer, details, clock.GetUtcNow());
            pipeline.Db.Events.Add(created);
            return created;
        }, cancellationToken);

    /// <summary>An edit, read from the event as it is when the change is made.</summary>
    public Task<Event> UpdateAsync(Caller caller, EventId id, Func<Event, EventChanges> changesOf, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, async (e, token) =>
        {
            var changes = changesOf(e);
            var taken = e.HasBeenPublished && changes.Capacity is { } capacity && capacity.Seats < e.Capacity.Seats
                ? await seats.TakenSeatsAsync(id, token)
                : null;
            e.Update(changes, taken, clock.GetUtcNow());
        });

    public Task<Event> PublishAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e => e.Publish(clock.GetUtcNow()));

    public Task<Event> CloseRegistrationsAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e => e.CloseRegistrations(clock.GetUtcNow()));

    public Task<Event> CompleteAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e => e.Complete(clock.GetUtcNow()));

    public Task<Event> CancelAsync(Caller caller, EventId id, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e => e.Cancel(reason, clock.GetUtcNow()));

    public Task DeleteAsync(Caller caller, EventId id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, cancellationToken, e =>
        {
            e.EnsureDeletable();
            pipeline.Db.Events.Remove(e);
        });

    private Task<Event> ChangeAsync(Caller caller, EventId id, CancellationToken cancellationToken, Func<Event, CancellationToken, Task> change) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var e = await pipeline.Db.Events.SingleOrNotFoundAsync(e => e.Id == id, nameof(Event), id, token);
            caller.MustOwn(e.OwnerId, "this event");
            await change(e, token);
            return e;
        }, cancellationToken);

    private Task<Event> ChangeAsync(Caller caller, EventId id, CancellationToken cancellationToken, Action<Event> change) =>
        ChangeAsync(caller, id, cancellationToken, (e, _) =>
        {
            change(e);
            return Task.CompletedTask;
        });
}
