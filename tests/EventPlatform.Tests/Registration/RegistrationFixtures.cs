extern alias RegistrationService;

using RegistrationService::EventPlatform.Registrations.Domain.Policies;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using DomainRegistration = RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration;

namespace EventPlatform.Tests.Registrations;

/// <summary>Real domain objects for the unit tests: a policy per kind of event and a registration request.</summary>
internal static class RegistrationFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static CapacityPolicy Policy(
        bool free = true, bool approval = false, bool waitlist = true, EventRegistrationStatus status = EventRegistrationStatus.Open,
        DateTimeOffset? opens = null, DateTimeOffset? closes = null, RefundPolicy refunds = RefundPolicy.None, DateTimeOffset? refundDeadline = null, int lateRefundPercent = 0) =>
        CapacityPolicy.For(Guid.NewGuid(), new PolicyTerms(
            "organizer-1", 10, approval, waitlist, free ? null : new Money(5000, "EUR"), opens, closes, status, TimeSpan.FromMinutes(15),
            "org-1", refunds, refundDeadline, lateRefundPercent));

    public static Attendee Ada => Attendee.Of("ada", "Ada Lovelace", "ada@example.org", "en-GB");

    public static DomainRegistration Request(CapacityPolicy policy, bool seatGranted, long? ticket = 1) =>
        DomainRegistration.Request(Guid.NewGuid(), Guid.NewGuid().ToString(), Ada, policy, ["s1", "s1"], "hello", seatGranted, ticket, Now);
}
