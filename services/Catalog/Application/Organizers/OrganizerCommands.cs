using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Commands;
using EventPlatform.ServiceDefaults.Data;
using EventPlatform.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Catalog.Application.Organizers;

public sealed class OrganizerCommands(CommandPipeline<CatalogDbContext> pipeline, TimeProvider clock)
{
    /// <summary>An organizer or admin registers a legal entity; they become its owner. Idempotent per request id.</summary>
    public Task<Organizer> CreateAsync(Caller caller, string requestId, OrganizerProfile profile, InvoicePrefix prefix, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.Roles.Contains(CallerRole.Organizer))
        {
            throw new PermissionDeniedException("Only an organizer (or an admin) may register an organizer.");
        }

        return pipeline.CreateOnceAsync(requestId, async (_, token) =>
        {
            if (await pipeline.Db.Organizers.AnyAsync(o => o.InvoicePrefix == prefix, token))
            {
                throw new AlreadyExistsException(nameof(InvoicePrefix), prefix.Value, $"The invoice prefix {prefix} is taken by another organizer.");
            }

            var organizer = Organizer.Create(OrganizerId.New(), caller.Subject, profile, prefix, clock.GetUtcNow());
            pipeline.Db.Organizers.Add(organizer);
            return organizer;
        }, cancellationToken);
    }

    public Task<Organizer> ChangeProfileAsync(Caller caller, OrganizerId id, Func<OrganizerProfile, OrganizerProfile> change, CancellationToken cancellationToken) =>
        pipeline.RunAsync(async (_, token) =>
        {
            var organizer = await pipeline.Db.Organizers.SingleOrNotFoundAsync(o => o.Id == id, nameof(Organizer), id, token);
            caller.MustOwn(organizer.OwnerId, "this organizer");
            organizer.ChangeProfile(change(organizer.Profile));
            return organizer;
        }, cancellationToken);
}
