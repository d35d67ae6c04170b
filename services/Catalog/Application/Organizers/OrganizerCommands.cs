using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application.Organizers;

public sealed class OrganizerCommands(CatalogStore store, TimeProvider clock)
{
    /// <summary>An organizer or admin registers a legal entity; they become its owner. Idempotent per request id.</summary>
    public async Task<Organizer> CreateAsync(Caller caller, string requestId, OrganizerProfile profile, InvoicePrefix prefix, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.Roles.Contains(CallerRole.Organizer))
        {
            throw new PermissionDeniedException("Only an organizer (or an admin) may register an organizer.");
        }

        if (await store.Db.Organizers.AsNoTracking().WithRequestId(requestId).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        if (await store.Db.Organizers.AnyAsync(o => o.InvoicePrefix == prefix, cancellationToken))
        {
            throw new AlreadyExistsException(nameof(InvoicePrefix), prefix.Value, $"The invoice prefix {prefix} is taken by another organizer.");
        }

        var organizer = Organizer.Create(OrganizerId.New(), caller.Subject, profile, prefix, clock.GetUtcNow());
        return await store.AddOnceAsync(organizer, requestId, rows => rows, cancellationToken);
    }

    public async Task<Organizer> ChangeProfileAsync(Caller caller, OrganizerId id, Func<OrganizerProfile, OrganizerProfile> change, CancellationToken cancellationToken)
    {
        var organizer = await store.OrganizerAsync(id, cancellationToken);
        caller.MustOwn(organizer.OwnerId, "this organizer");
        organizer.ChangeProfile(change(organizer.Profile));
        await store.SaveAsync(cancellationToken);
        return organizer;
    }
}
