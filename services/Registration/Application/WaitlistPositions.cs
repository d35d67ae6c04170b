using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.Registrations.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Registrations.Application;

/// <summary>Where a waitlisted registration stands now: 1 = next in line; 0 for one not waiting.</summary>
public sealed class WaitlistPositions(RegistrationDbContext db)
{
    public async Task<int> OfAsync(Registration r, CancellationToken cancellationToken) =>
        r is { Status: RegistrationStatus.Waitlisted, WaitlistTicket: { } ticket }
            ? 1 + await db.Registrations.CountAsync(
                o => o.EventId == r.EventId && o.Status == RegistrationStatus.Waitlisted && o.WaitlistTicket < ticket, cancellationToken)
            : 0;
}
