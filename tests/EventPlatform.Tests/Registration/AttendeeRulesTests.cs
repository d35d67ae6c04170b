extern alias RegistrationService;

using EventPlatform.Domain;
using RegistrationService::EventPlatform.Registrations.Domain.Policies;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using static EventPlatform.Tests.Registrations.RegistrationFixtures;
using RegistrationService::EventPlatform.Registrations.Grpc;

namespace EventPlatform.Tests.Registrations;

public sealed class AttendeeRulesTests
{
    [Fact]
    public void Every_bad_attendee_field_is_reported_at_once()
    {
        var e = Assert.Throws<InvalidInputException>(() => Attendee.Of("ada", " ", "not-an-email", "??"));

        Assert.Equal(["name", "email", "locale"], e.Violations.Select(v => RegistrationFields.Names.ToContract(v.Field)));
        Assert.StartsWith("AttendeeEmailMustBeValid", e.Violations[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_field_is_named_by_its_rule()
    {
        var e = Assert.Throws<BusinessRuleBrokenException>(() => Attendee.Of("ada", "Ada", "ada@example.org", ""));

        Assert.Equal("AttendeeLocaleMustBeALanguageTag", e.Rule.Name);
    }

    [Fact]
    public void A_valid_attendee_is_trimmed()
    {
        var attendee = Attendee.Of("ada", " Ada ", "ada@example.org", "fr-FR");

        Assert.Equal("Ada", attendee.Name);
    }

    [Fact]
    public void A_policy_accepts_registrations_only_while_open_and_within_its_window()
    {
        Assert.True(Policy().AcceptsRegistrationsAt(Now));
        Assert.False(Policy(opens: Now.AddSeconds(1)).AcceptsRegistrationsAt(Now));
        Assert.False(Policy(status: EventRegistrationStatus.Closed).AcceptsRegistrationsAt(Now));
    }

    [Fact]
    public void Closing_registrations_does_not_reopen_a_cancelled_event()
    {
        var policy = Policy();
        policy.CancelEvent();
        policy.CloseRegistrations();

        Assert.Equal(EventRegistrationStatus.Cancelled, policy.Status);
    }

    [Fact]
    public void A_zero_price_is_a_free_event()
    {
        var policy = CapacityPolicy.For(Guid.NewGuid(), new PolicyTerms("o", 5, false, true, new Money(0, "EUR"), null, null, EventRegistrationStatus.Open));

        Assert.True(policy.IsFree);
        Assert.Equal(CapacityPolicy.DefaultHoldDuration, policy.HoldDuration);
    }
}
