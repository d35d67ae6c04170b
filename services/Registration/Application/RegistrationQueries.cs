using EventPlatform.Domain;
using EventPlatform.Registration.Domain.Registrations;
using EventPlatform.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registration.Application;

public sealed record SeatCounts(Guid EventId, int Capacity, int Confirmed, int Held, int Waitlisted);

public sealed record ConfirmedAttendee(Domain.Registrations.Registration Registration);

public sealed class RegistrationQueries(RegistrationDbContext db, RegistrationAccess access, RegistrationEvents positions)
{
    public async Task<(Domain.Registrations.Registration Registration, int WaitlistPosition)> GetAsync(
        Guid id, Caller? caller, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("registration", id.ToString());
        if (caller is not null)
        {
            var policy = await db.CapacityPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.EventId == registration.EventId, cancellationToken);
            if (!access.MaySee(caller, registration, policy))
            {
                // Not PERMISSION_DENIED: whether someone else's registration exists is not the caller's to learn.
                throw new NotFoundException("registration", id.ToString());
            }
        }

        return (registration, await positions.WaitlistPositionAsync(registration, cancellationToken));
    }

    public async Task<IReadOnlyList<Domain.Registrations.Registration>> MineAsync(
        Caller caller, RegistrationStatus? status, Guid? eventId, CancellationToken cancellationToken)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.Attendee.Subject == caller.Subject);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (eventId is { } e)
        {
            query = query.Where(r => r.EventId == e);
        }

        return await query.OrderByDescending(r => r.CreateTime).ThenByDescending(r => r.Id).Take(100).ToListAsync(cancellationToken);
    }

    public async Task<SeatCounts> SeatCountsAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var capacity = await db.EventSeats.AsNoTracking().Where(s => s.EventId == eventId).Select(s => (int?)s.Capacity)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("event", eventId.ToString());
        var counts = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && RegistrationStatuses.Active.Contains(r.Status))
            .GroupBy(r => new { r.Status, r.HoldsSeat })
            .Select(g => new { g.Key.Status, g.Key.HoldsSeat, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new SeatCounts(
            eventId,
            capacity,
            counts.Where(c => c.Status == RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.HoldsSeat && c.Status != RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count));
    }

    /// <summary>Confirmed registrations in id order after <paramref name="after"/>; with sessions, only those who chose one.</summary>
    public async Task<IReadOnlyList<Domain.Registrations.Registration>> ConfirmedAttendeesAsync(
        Guid eventId, IReadOnlyCollection<string> sessionIds, Guid? after, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed);
        if (after is { } last)
        {
            query = query.Where(r => r.Id.CompareTo(last) > 0);
        }

        if (sessionIds.Count > 0)
        {
            var chosen = sessionIds.ToList();
            query = query.Where(r => EF.Property<List<string>>(r, "_sessionIds").Any(s => chosen.Contains(s)));
        }

        return await query.OrderBy(r => r.Id).Take(pageSize).ToListAsync(cancellationToken);
    }
}
