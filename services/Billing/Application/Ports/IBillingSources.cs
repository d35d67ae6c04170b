using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Billing.Application.Ports;

/// <summary>What an invoice is made of, asked of the services that own it when the invoice is issued.</summary>
public interface IBillingSources
{
    /// <summary>The organizer's legal details as they are now (they are copied onto the document).</summary>
    Task<Organizer> OrganizerAsync(string organizerId, CancellationToken cancellationToken);

    Task<Event?> EventAsync(Guid eventId, CancellationToken cancellationToken);

    Task<Registration> RegistrationAsync(Guid registrationId, CancellationToken cancellationToken);
}
