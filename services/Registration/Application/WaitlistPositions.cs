using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application;

/// <summary>
/// Where a waitlisted registration stands now: 1 = next in line; 0 for one not waiting. Positions counted when a group
/// drew its tickets are remembered for the rest of that unit of work (its events, its answers): its own rows are not
/// saved yet, so a count then would miss the ones ahead in the same group.
/// </summary>
public sealed class WaitlistPositions(RegistrationDbContext db)
{
    private readonly Dictionary<Guid, int> _drawn = [];

    public async Task<int> OfAsync(Registration r, CancellationToken cancellationToken) =>
        r is { Status: RegistrationStatus.Waitlisted, WaitlistTicket: { } ticket }
            ? _drawn.TryGetValue(r.Id, out var drawn) ? drawn : 1 + await AheadOfAsync(r.EventId, ticket, cancellationToken)
            : 0;

    /// <summary>The position of a registration that just drew its ticket in this unit of work.</summary>
    public void Remember(Guid registrationId, int position) => _drawn[registrationId] = position;

    /// <summary>
    /// The positions of tickets just drawn for one event, in ascending order and not saved yet: one count for all of
    /// them, since nobody can be between two tickets of the same group.
    /// </summary>
    public async Task<IReadOnlyList<int>> OfNewAsync(Guid eventId, IReadOnlyList<long> tickets, CancellationToken cancellationToken)
    {
        if (tickets.Count == 0)
        {
            return [];
        }

        var ahead = await AheadOfAsync(eventId, tickets[0], cancellationToken);
        return tickets.Select((_, i) => ahead + i + 1).ToList();
    }

    private Task<int> AheadOfAsync(Guid eventId, long ticket, CancellationToken cancellationToken) =>
        db.Registrations.CountAsync(
            o => o.EventId == eventId && o.Status == RegistrationStatus.Waitlisted && o.WaitlistTicket < ticket, cancellationToken);
}
