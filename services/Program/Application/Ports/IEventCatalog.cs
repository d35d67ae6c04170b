using EventPlatform.Program.Domain.Events;

namespace EventPlatform.Program.Application.Ports;

/// <summary>What the program needs to know from catalog, which owns events and organizers.</summary>
public interface IEventCatalog
{
    /// <summary>The events catalog knows among <paramref name="ids"/>, whatever their status.</summary>
    Task<IReadOnlyList<ProgramEvent>> FindEventsAsync(IReadOnlyCollection<EventId> ids, CancellationToken cancellationToken);

    /// <summary>The subject who manages the organizer; NOT_FOUND when catalog does not know it.</summary>
    Task<string> OwnerOfOrganizerAsync(string organizerId, CancellationToken cancellationToken);
}
