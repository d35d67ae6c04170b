using EventPlatform.Registration.Domain.Policies;
using Proto = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Registration.Application.Catalog;

public static class CatalogEventTermsMapping
{
    public static CatalogEventTerms ToTerms(this Proto.Event e) => new(
        Guid.Parse(e.Id),
        new PolicyTerms(
            e.OwnerId,
            e.Capacity,
            e.ApprovalRequired,
            e.WaitlistEnabled,
            e.Price is { AmountMinor: > 0 } price ? new Money(price.AmountMinor, price.Currency) : null,
            e.RegistrationOpensTime?.ToDateTimeOffset(),
            e.RegistrationClosesTime?.ToDateTimeOffset(),
            e.Status switch
            {
                Proto.EventStatus.Published => EventRegistrationStatus.Open,
                Proto.EventStatus.Cancelled => EventRegistrationStatus.Cancelled,
                _ => EventRegistrationStatus.Closed,
            }));
}
