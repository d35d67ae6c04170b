extern alias RegistrationService;

using EventPlatform.Domain;
using RegistrationService::EventPlatform.Registrations.Domain.Policies;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using static EventPlatform.Tests.Registrations.RegistrationFixtures;
using DomainRegistration = RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration;

namespace EventPlatform.Tests.Registrations;

/// <summary>How a paid registration follows its payment: confirmed, expired for a failed payment, late money, refunds by the terms.</summary>
public sealed class PaidRegistrationTests
{
    [Fact]
    public void A_failed_payment_frees_the_held_seat_at_once_saying_why()
    {
        var registration = Request(Policy(free: false), seatGranted: true);

        Assert.True(registration.FailPayment(" Your card was declined. ", Now.AddMinutes(1)));

        Assert.Equal(RegistrationStatus.Expired, registration.Status);
        Assert.Equal(ExpiryReason.PaymentFailed, registration.ExpiryReason);
        Assert.Equal("Your card was declined.", registration.StatusReason);
        Assert.False(registration.HoldsSeat);
        Assert.IsType<RegistrationExpired>(registration.DomainEvents[^1].Event);
    }

    [Fact]
    public void A_failed_payment_after_the_confirmation_changes_nothing()
    {
        var registration = Request(Policy(free: false), seatGranted: true);
        registration.ConfirmPayment(Now.AddMinutes(1));
        registration.ClearDomainEvents();

        Assert.False(registration.FailPayment("declined", Now.AddMinutes(2)));

        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.Null(registration.ExpiryReason);
        Assert.Empty(registration.DomainEvents);
    }

    [Fact]
    public void A_lapsed_hold_expires_and_late_money_with_a_seat_left_confirms_after_all()
    {
        var registration = Request(Policy(free: false), seatGranted: true);
        registration.ExpireHold(Now.AddMinutes(16));
        Assert.Equal(ExpiryReason.HoldLapsed, registration.ExpiryReason);

        Assert.True(registration.AcceptLatePayment(seatGranted: true, Now.AddMinutes(20)));

        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.True(registration.HoldsSeat);
        Assert.Null(registration.ExpiryReason);
        Assert.Null(registration.CloseTime);
        Assert.Equal(string.Empty, registration.StatusReason);
        Assert.IsType<RegistrationPaid>(registration.DomainEvents[^1].Event);
    }

    [Fact]
    public void Late_money_without_a_seat_left_stays_expired_and_says_it_is_refunded()
    {
        var registration = Request(Policy(free: false), seatGranted: true);
        registration.ExpireHold(Now.AddMinutes(16));
        registration.ClearDomainEvents();

        Assert.False(registration.AcceptLatePayment(seatGranted: false, Now.AddMinutes(20)));

        Assert.Equal(RegistrationStatus.Expired, registration.Status);
        Assert.False(registration.HoldsSeat);
        Assert.Contains("refunded in full", registration.StatusReason);
        Assert.Empty(registration.DomainEvents);
    }

    [Fact]
    public void Only_an_expired_registration_accepts_late_money()
    {
        var pending = Request(Policy(free: false), seatGranted: true);

        Assert.Equal("RegistrationMustHaveExpired",
            Assert.Throws<BusinessRuleBrokenException>(() => pending.AcceptLatePayment(true, Now)).Rule.Name);
    }

    [Fact]
    public void The_organizer_cancelling_refunds_everything_paid_whatever_the_terms()
    {
        var registration = Paid(Policy(free: false, refunds: RefundPolicy.None), out var policy);

        registration.Cancel(CancellationCause.Organizer, "Double booking", policy, Now.AddDays(30));

        Assert.Equal(new Money(5000, "EUR"), CancelledEvent(registration).RefundDue);
    }

    [Fact]
    public void The_attendee_cancelling_is_refunded_in_full_before_the_deadline_and_not_after()
    {
        var deadline = Now.AddDays(7);
        var early = Paid(Policy(free: false, refunds: RefundPolicy.FullUntilDeadline, refundDeadline: deadline), out var policy);
        var late = Paid(policy, out _);

        early.Cancel(CancellationCause.Attendee, null, policy, deadline.AddTicks(-1));
        late.Cancel(CancellationCause.Attendee, null, policy, deadline);

        Assert.Equal(new Money(5000, "EUR"), CancelledEvent(early).RefundDue);
        Assert.Null(CancelledEvent(late).RefundDue);
    }

    [Fact]
    public void With_partial_terms_the_attendee_gets_everything_before_the_deadline_and_the_share_after_less_what_was_refunded()
    {
        var deadline = Now.AddDays(7);
        var policy = Policy(free: false, refunds: RefundPolicy.PartialAfterDeadline, refundDeadline: deadline, lateRefundPercent: 33);
        var early = Paid(policy, out _);
        var late = Paid(policy, out _);
        var lateAfterGoodwill = Paid(policy, out _);
        lateAfterGoodwill.RefundCompleted(1000, Now.AddDays(8));
        var lateAfterMore = Paid(policy, out _);
        lateAfterMore.RefundCompleted(2000, Now.AddDays(8));

        early.Cancel(CancellationCause.Attendee, null, policy, deadline.AddTicks(-1));
        late.Cancel(CancellationCause.Attendee, null, policy, deadline);
        lateAfterGoodwill.Cancel(CancellationCause.Attendee, null, policy, deadline.AddDays(1));
        lateAfterMore.Cancel(CancellationCause.Attendee, null, policy, deadline.AddDays(1));

        Assert.Equal(new Money(5000, "EUR"), CancelledEvent(early).RefundDue);
        Assert.Equal(new Money(1650, "EUR"), CancelledEvent(late).RefundDue);
        Assert.Equal(new Money(650, "EUR"), CancelledEvent(lateAfterGoodwill).RefundDue);
        Assert.Null(CancelledEvent(lateAfterMore).RefundDue);
    }

    [Fact]
    public void Without_refund_terms_the_attendee_cancelling_gets_nothing_back()
    {
        var registration = Paid(Policy(free: false, refunds: RefundPolicy.None), out var policy);

        registration.Cancel(CancellationCause.Attendee, null, policy, Now.AddMinutes(5));

        Assert.Null(CancelledEvent(registration).RefundDue);
    }

    [Fact]
    public void What_was_already_refunded_is_not_refunded_again()
    {
        var registration = Paid(Policy(free: false), out var policy);
        registration.RefundCompleted(2000, Now.AddMinutes(2));

        registration.Cancel(CancellationCause.EventCancelled, null, policy, Now.AddMinutes(5));

        Assert.Equal(new Money(3000, "EUR"), CancelledEvent(registration).RefundDue);
        Assert.Equal(2000, registration.RefundedMinor);
    }

    [Fact]
    public void Cancelling_a_registration_still_waiting_for_its_payment_refunds_nothing()
    {
        var policy = Policy(free: false, refunds: RefundPolicy.FullUntilDeadline);
        var registration = Request(policy, seatGranted: true);

        registration.Cancel(CancellationCause.Attendee, null, policy, Now.AddMinutes(1));

        Assert.Null(CancelledEvent(registration).RefundDue);
    }

    private static DomainRegistration Paid(CapacityPolicy policy, out CapacityPolicy same)
    {
        var registration = Request(policy, seatGranted: true);
        registration.ConfirmPayment(Now.AddMinutes(1));
        same = policy;
        return registration;
    }

    private static RegistrationCancelled CancelledEvent(DomainRegistration registration) =>
        Assert.IsType<RegistrationCancelled>(registration.DomainEvents[^1].Event);
}
