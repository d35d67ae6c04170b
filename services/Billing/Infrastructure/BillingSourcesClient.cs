using EventPlatform.Billing.Application.Ports;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Billing.Infrastructure;

/// <summary>Catalog's and registration's internal APIs.</summary>
internal sealed class BillingSourcesClient(
    CatalogInternalService.CatalogInternalServiceClient catalog, RegistrationInternalService.RegistrationInternalServiceClient registrations)
    : IBillingSources
{
    public async Task<Organizer> OrganizerAsync(string organizerId, CancellationToken cancellationToken) =>
        await catalog.GetOrganizerForBillingAsync(new GetOrganizerRequest { Id = organizerId }, cancellationToken: cancellationToken);

    public async Task<Event?> EventAsync(Guid eventId, CancellationToken cancellationToken) =>
        (await catalog.BatchGetEventsAsync(new BatchGetEventsRequest { Ids = { eventId.ToString() } }, cancellationToken: cancellationToken))
        .Events.FirstOrDefault();

    public async Task<Registration> RegistrationAsync(Guid registrationId, CancellationToken cancellationToken) =>
        await registrations.GetRegistrationAsync(new GetRegistrationRequest { Id = registrationId.ToString() }, cancellationToken: cancellationToken);
}
