using EventPlatform.Registrations.Domain.Policies;
using Proto = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Registrations.Application.Catalog;

/// <summary>What registration keeps of a catalog event: the terms its capacity policy follows.</summary>
public static class CatalogEventTermsMapping
{
    /// <param name="holdDuration">How long a paid seat is held for payment (catalog does not say; the service's setting).</param>
    public static (Guid EventId, PolicyTerms Terms) ToTerms(this Proto.Event e, TimeSpan holdDuration) => (
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
            },
            HoldDuration: holdDuration,
            OrganizerId: e.OrganizerId,
            RefundPolicy: e.RefundPolicy switch
            {
                Proto.RefundPolicy.FullUntilDeadline => RefundPolicy.FullUntilDeadline,
                Proto.RefundPolicy.PartialAfterDeadline => RefundPolicy.PartialAfterDeadline,
                _ => RefundPolicy.None,
            },
            RefundDeadline: e.RefundDeadline?.ToDateTimeOffset(),
            LateRefundPercent: e.LateRefundPercent,
            VatRateBasisPoints: e.VatRateBasisPoints));
}
