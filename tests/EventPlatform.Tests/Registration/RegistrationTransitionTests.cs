extern alias RegistrationService;

using EventPlatform.Domain;
using RegistrationService::EventPlatform.Registrations.Domain.Policies;
using RegistrationService::EventPlatform.Registrations.Domain.Registrations;
using static EventPlatform.Tests.Registrations.RegistrationFixtures;

namespace EventPlatform.Tests.Registrations;

public sealed class RegistrationTransitionTests
{
    [Fact]
    public void A_free_event_with_a_seat_confirms_at_once()
    {
        var registration = Request(Policy(), seatGranted: true);

        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.True(registration.HoldsSeat);
        Assert.Equal(Now, registration.ConfirmTime);
        Assert.Equal(["s1"], registration.RequestedSessionIds);
        Assert.Empty(registration.SessionIds);
    }

    [Fact]
    public void A_paid_event_with_a_seat_holds_it_until_the_payment_deadline()
    {
        var registration = Request(Policy(free: false), seatGranted: true);

        Assert.Equal(RegistrationStatus.Pending, registration.Status);
        Assert.True(registration.HoldsSeat);
        Assert.Equal(Now.AddMinutes(15), registration.HoldDeadline);
        Assert.Equal(5000, registration.Price?.AmountMinor);
    }

    [Fact]
    public void No_seat_waitlists_with_the_arrival_ticket()
    {
        var registration = Request(Policy(), seatGranted: false, ticket: 42);

        Assert.Equal(RegistrationStatus.Waitlisted, registration.Status);
        Assert.False(registration.HoldsSeat);
        Assert.Equal(42, registration.WaitlistTicket);
    }

    [Fact]
    public void No_seat_without_waitlist_is_refused_naming_the_rule()
    {
        var e = Assert.Throws<BusinessRuleBrokenException>(() => Request(Policy(waitlist: false), seatGranted: false, ticket: null));

        Assert.Equal("WaitlistMustBeEnabled", e.Rule.Name);
    }

    [Theory]
    [InlineData(EventRegistrationStatus.Closed)]
    [InlineData(EventRegistrationStatus.Cancelled)]
    public void A_closed_or_cancelled_event_refuses_registrations(EventRegistrationStatus status)
    {
        var e = Assert.Throws<BusinessRuleBrokenException>(() => Request(Policy(status: status), seatGranted: true));

        Assert.Equal("EventMustBeOpenForRegistration", e.Rule.Name);
    }

    [Fact]
    public void Registering_before_the_window_opens_or_after_it_closes_is_refused()
    {
        var early = Assert.Throws<BusinessRuleBrokenException>(() => Request(Policy(opens: Now.AddMinutes(1)), seatGranted: true));
        var late = Assert.Throws<BusinessRuleBrokenException>(() => Request(Policy(closes: Now), seatGranted: true));

        Assert.Equal("RegistrationWindowMustBeOpen", early.Rule.Name);
        Assert.Equal("RegistrationWindowMustBeOpen", late.Rule.Name);
    }

    [Fact]
    public void Approval_required_waits_for_the_organizer_keeping_a_seat_when_one_was_free()
    {
        var withSeat = Request(Policy(approval: true), seatGranted: true);
        var withoutSeat = Request(Policy(approval: true), seatGranted: false, ticket: null);

        Assert.Equal(RegistrationStatus.AwaitingApproval, withSeat.Status);
        Assert.True(withSeat.HoldsSeat);
        Assert.Equal(RegistrationStatus.AwaitingApproval, withoutSeat.Status);
        Assert.False(withoutSeat.HoldsSeat);
    }

    [Fact]
    public void Approving_uses_the_seat_set_aside_and_twice_changes_nothing()
    {
        var policy = Policy(approval: true, free: false);
        var registration = Request(policy, seatGranted: true);

        Assert.True(registration.Approve(policy, seatGranted: false, waitlistTicket: null, Now.AddMinutes(1)));
        Assert.Equal(RegistrationStatus.Pending, registration.Status);
        Assert.Equal(Now.AddMinutes(16), registration.HoldDeadline);
        Assert.False(registration.Approve(policy, seatGranted: false, waitlistTicket: null, Now.AddMinutes(2)));
    }

    [Fact]
    public void Approving_without_a_free_seat_waitlists()
    {
        var policy = Policy(approval: true);
        var registration = Request(policy, seatGranted: false, ticket: null);

        registration.Approve(policy, seatGranted: false, waitlistTicket: 7, Now);

        Assert.Equal(RegistrationStatus.Waitlisted, registration.Status);
        Assert.Equal(7, registration.WaitlistTicket);
    }

    [Fact]
    public void Only_a_registration_awaiting_approval_is_approved_or_rejected()
    {
        var policy = Policy();
        var confirmed = Request(policy, seatGranted: true);

        Assert.Equal("RegistrationMustAwaitApproval",
            Assert.Throws<BusinessRuleBrokenException>(() => confirmed.Approve(policy, true, null, Now)).Rule.Name);
        Assert.Equal("RegistrationMustAwaitApproval",
            Assert.Throws<BusinessRuleBrokenException>(() => confirmed.Reject("no", Now)).Rule.Name);
    }

    [Fact]
    public void Rejecting_frees_the_seat_set_aside_once()
    {
        var registration = Request(Policy(approval: true), seatGranted: true);

        Assert.True(registration.Reject("Members only", Now));
        Assert.Equal(RegistrationStatus.Rejected, registration.Status);
        Assert.Equal("Members only", registration.StatusReason);
        Assert.False(registration.HoldsSeat);
        Assert.False(registration.Reject("again", Now));
    }

    [Fact]
    public void Cancelling_a_confirmed_registration_frees_exactly_one_seat_and_again_nothing()
    {
        var registration = Request(Policy(), seatGranted: true);

        Assert.True(registration.Cancel(CancellationCause.Attendee, "ill", Policy(), Now));
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.Equal(CancellationCause.Attendee, registration.CancellationCause);
        Assert.Equal(Now, registration.CloseTime);
        Assert.False(registration.Cancel(CancellationCause.Attendee, "ill", Policy(), Now));
    }

    [Fact]
    public void Cancelling_a_waitlisted_registration_frees_no_seat()
    {
        var registration = Request(Policy(), seatGranted: false, ticket: 3);

        Assert.False(registration.Cancel(CancellationCause.Organizer, null, Policy(), Now));
        Assert.Null(registration.WaitlistTicket);
    }

    [Fact]
    public void An_expired_registration_cannot_be_cancelled()
    {
        var registration = Request(Policy(free: false), seatGranted: true);
        registration.ExpireHold(Now.AddMinutes(15));

        Assert.Equal("RegistrationMustBeActive",
            Assert.Throws<BusinessRuleBrokenException>(() => registration.Cancel(CancellationCause.Attendee, null, Policy(), Now)).Rule.Name);
    }

    [Fact]
    public void A_hold_expires_only_once_its_deadline_passed()
    {
        var registration = Request(Policy(free: false), seatGranted: true);

        Assert.Equal("HoldMustHaveLapsed",
            Assert.Throws<BusinessRuleBrokenException>(() => registration.ExpireHold(Now.AddMinutes(14))).Rule.Name);
        Assert.True(registration.ExpireHold(Now.AddMinutes(15)));
        Assert.Equal(RegistrationStatus.Expired, registration.Status);
        Assert.False(registration.HoldsSeat);
    }

    [Fact]
    public void Promotion_confirms_on_a_free_event_and_holds_with_a_fresh_deadline_on_a_paid_one()
    {
        var free = Policy();
        var paid = Policy(free: false);
        var onFree = Request(free, seatGranted: false, ticket: 1);
        var onPaid = Request(paid, seatGranted: false, ticket: 2);

        onFree.PromoteFromWaitlist(free, Now.AddHours(1));
        onPaid.PromoteFromWaitlist(paid, Now.AddHours(1));

        Assert.Equal(RegistrationStatus.Confirmed, onFree.Status);
        Assert.Equal(RegistrationStatus.Pending, onPaid.Status);
        Assert.Equal(Now.AddHours(1).AddMinutes(15), onPaid.HoldDeadline);
        Assert.True(onFree.PromotedFromWaitlist && onPaid.PromotedFromWaitlist);
        Assert.Null(onFree.WaitlistTicket);
    }

    [Fact]
    public void Only_a_waitlisted_registration_is_promoted()
    {
        var policy = Policy();
        var confirmed = Request(policy, seatGranted: true);

        Assert.Equal("RegistrationMustBeWaitlisted",
            Assert.Throws<BusinessRuleBrokenException>(() => confirmed.PromoteFromWaitlist(policy, Now)).Rule.Name);
    }

    [Fact]
    public void A_payment_confirms_a_pending_registration_only()
    {
        var pending = Request(Policy(free: false), seatGranted: true);
        var waitlisted = Request(Policy(), seatGranted: false, ticket: 1);

        pending.ConfirmPayment(Now);

        Assert.Equal(RegistrationStatus.Confirmed, pending.Status);
        Assert.Null(pending.HoldDeadline);
        Assert.Equal("RegistrationMustBePending",
            Assert.Throws<BusinessRuleBrokenException>(() => waitlisted.ConfirmPayment(Now)).Rule.Name);
    }
}
