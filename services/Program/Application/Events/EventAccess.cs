using EventPlatform.Domain;
using EventPlatform.Program.Domain.Events;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Program.Application.Ports;

namespace EventPlatform.Program.Application.Events;

/// <summary>
/// Who may do what with an event's program: its organizer (or an admin) changes it; anyone reads the program of an
/// event that has been published, while a draft's program, like the draft itself, exists only for its organizer.
/// </summary>
public sealed class EventAccess(IEventCatalog catalog)
{
    public async Task<ProgramEvent> GetAsync(EventId id, CancellationToken cancellationToken) =>
        (await catalog.FindEventsAsync([id], cancellationToken)).SingleOrDefault()
        ?? throw new NotFoundException("Event", id.ToString());

    public async Task<ProgramEvent> ManagedByAsync(Caller caller, EventId id, CancellationToken cancellationToken)
    {
        var programEvent = await GetAsync(id, cancellationToken);
        caller.MustOwn(programEvent.OwnerId, "the event");
        return programEvent;
    }

    public async Task<ProgramEvent> VisibleToAsync(Caller? caller, EventId id, CancellationToken cancellationToken)
    {
        var programEvent = await GetAsync(id, cancellationToken);
        return CanSee(caller, programEvent) ? programEvent : throw new NotFoundException("Event", id.ToString());
    }

    /// <summary>Whether the caller may read the program of the event; false also when catalog does not know it.</summary>
    public async Task<bool> CanSeeAsync(Caller? caller, EventId id, CancellationToken cancellationToken) =>
        (await catalog.FindEventsAsync([id], cancellationToken)).SingleOrDefault() is { } programEvent && CanSee(caller, programEvent);

    public static bool CanSee(Caller? caller, ProgramEvent programEvent) =>
        programEvent.Status != EventStatus.Draft || caller is { IsAdmin: true } || caller?.Subject == programEvent.OwnerId;
}
