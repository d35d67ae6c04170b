using EventPlatform.Domain;
using EventPlatform.Registrations.Domain.Policies;
using EventPlatform.Registrations.Domain.Sessions;

namespace EventPlatform.Registrations.Domain.Registrations;

/// <summary>
/// One attendee's registration to one event. Whether a seat was obtained is decided outside (the seat ledger is
/// shared by every replica) and handed in as <c>seatGranted</c>; what that means for the registration is decided
/// here. <see cref="HoldsSeat"/> says whether this registration counts against capacity, so a status change that
/// returns true from a release method is exactly one seat to give back.
/// </summary>
public sealed class Registration : AggregateRoot
{
    private List<string> _sessionIds = [];
    private List<string> _requestedSessionIds = [];

    private Registration()
    {
        RequestId = string.Empty;
        Attendee = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The client's idempotency key: the same key twice returns this registration.</summary>
    public string RequestId { get; private set; }

    public Guid EventId { get; private set; }

    public Attendee Attendee { get; private set; }

    /// <summary>The sessions this registration holds a seat in; only a Confirmed registration has any.</summary>
    public IReadOnlyList<string> SessionIds => _sessionIds;

    /// <summary>The first choice given when registering, applied (as far as seats allow) once Confirmed.</summary>
    public IReadOnlyList<string> RequestedSessionIds => _requestedSessionIds;

    public RegistrationStatus Status { get; private set; }

    /// <summary>Counts against capacity: Confirmed, Pending, and AwaitingApproval when a seat was set aside.</summary>
    public bool HoldsSeat { get; private set; }

    /// <summary>Price at registration time; null for a free event.</summary>
    public Money? Price { get; private set; }

    /// <summary>The event's VAT rate when registered (basis points), for the invoice.</summary>
    public int VatRateBasisPoints { get; private set; }

    /// <summary>Null: the invoice is made out to the attendee.</summary>
    public BillingDetails? BillingDetails { get; private set; }

    /// <summary>Pending: the seat is released at this instant unless paid.</summary>
    public DateTimeOffset? HoldDeadline { get; private set; }

    /// <summary>Waitlisted: arrival order on the waitlist (from a database sequence); the position is its rank.</summary>
    public long? WaitlistTicket { get; private set; }

    public bool PromotedFromWaitlist { get; private set; }

    public string NoteToOrganizer { get; private set; } = string.Empty;

    public CancellationCause? CancellationCause { get; private set; }

    /// <summary>Expired: why the seat went back.</summary>
    public ExpiryReason? ExpiryReason { get; private set; }

    /// <summary>Set once payment recorded what this registration owes (the payment intent carries the registration's id).</summary>
    public Guid? PaymentIntentId { get; private set; }

    /// <summary>Sum of the refunds completed for this registration.</summary>
    public long RefundedMinor { get; private set; }

    public string StatusReason { get; private set; } = string.Empty;

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public DateTimeOffset? ApproveTime { get; private set; }

    public DateTimeOffset? ConfirmTime { get; private set; }

    public DateTimeOffset? CloseTime { get; private set; }

    /// <summary>
    /// A new registration. With approval required it waits for the organizer, keeping a seat if one was granted;
    /// otherwise a seat confirms it (free) or holds it until payment (paid), and no seat waitlists it.
    /// </summary>
    /// <param name="waitlistTicket">Required when no seat was granted and the registration may be waitlisted.</param>
    public static Registration Request(
        Guid id, string requestId, Attendee attendee, CapacityPolicy policy, IEnumerable<string> sessionIds, string? noteToOrganizer,
        bool seatGranted, long? waitlistTicket, DateTimeOffset now, BillingDetails? billingDetails = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        BusinessRule.Check(new EventMustBeOpenForRegistrationRule(policy));
        BusinessRule.Check(new RegistrationWindowMustBeOpenRule(policy, now));

        var registration = new Registration
        {
            Id = id,
            RequestId = requestId,
            EventId = policy.EventId,
            Attendee = attendee,
            _requestedSessionIds = sessionIds.Distinct(StringComparer.Ordinal).ToList(),
            Price = policy.Price,
            VatRateBasisPoints = policy.IsFree ? 0 : policy.VatRateBasisPoints,
            BillingDetails = billingDetails,
            NoteToOrganizer = noteToOrganizer?.Trim() ?? string.Empty,
            CreateTime = now,
            UpdateTime = now,
        };
        if (policy.ApprovalRequired)
        {
            registration.Status = RegistrationStatus.AwaitingApproval;
            registration.HoldsSeat = seatGranted;
        }
        else
        {
            registration.TakeSeatOrWaitlist(policy, seatGranted, waitlistTicket, now);
        }

        registration.Raise(new RegistrationRequested(registration));
        return registration;
    }

    /// <summary>Whether this registration needs a waitlist ticket if no seat is granted.</summary>
    public static bool MayBeWaitlisted(CapacityPolicy policy) => !policy.ApprovalRequired && policy.WaitlistEnabled;

    /// <summary>
    /// The organizer accepts: it continues as registering would have. A seat set aside at request time is used;
    /// otherwise <paramref name="seatGranted"/> says whether one was found now. Returns false if already approved.
    /// </summary>
    public bool Approve(CapacityPolicy policy, bool seatGranted, long? waitlistTicket, DateTimeOffset now)
    {
        if (ApproveTime is not null)
        {
            return false;
        }

        BusinessRule.Check(new RegistrationMustAwaitApprovalRule(this));
        ApproveTime = now;
        TakeSeatOrWaitlist(policy, HoldsSeat || seatGranted, waitlistTicket, now);
        Raise(new RegistrationApproved(this));
        return true;
    }

    /// <summary>The organizer refuses. Returns whether a seat was freed.</summary>
    public bool Reject(string? reason, DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Rejected)
        {
            return false;
        }

        BusinessRule.Check(new RegistrationMustAwaitApprovalRule(this));
        StatusReason = reason?.Trim() ?? string.Empty;
        var released = Close(RegistrationStatus.Rejected, now);
        Raise(new RegistrationRejected(this, released));
        return released;
    }

    /// <summary>
    /// The attendee or organizer withdraws it. Returns whether a seat was freed. A paid (confirmed) registration is
    /// refunded as the event's refund terms say for who cancelled.
    /// </summary>
    public bool Cancel(CancellationCause cause, string? reason, CapacityPolicy policy, DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Cancelled)
        {
            return false;
        }

        BusinessRule.Check(new RegistrationMustBeActiveRule(this));
        var previous = Status;
        var refund = previous == RegistrationStatus.Confirmed && Price is { } paid
            ? policy.RefundFor(byOrganizer: cause != Registrations.CancellationCause.Attendee, paid, RefundedMinor, now)
            : null;
        CancellationCause = cause;
        StatusReason = reason?.Trim() ?? string.Empty;
        var released = Close(RegistrationStatus.Cancelled, now);
        Raise(new RegistrationCancelled(this, previous, released, refund));
        return released;
    }

    /// <summary>The payment deadline passed: the held seat goes back. Returns whether a seat was freed (always true).</summary>
    public bool ExpireHold(DateTimeOffset now)
    {
        BusinessRule.Check(new HoldMustHaveLapsedRule(this, now));
        ExpiryReason = Registrations.ExpiryReason.HoldLapsed;
        var released = Close(RegistrationStatus.Expired, now);
        Raise(new RegistrationExpired(this));
        return released;
    }

    /// <summary>The payment failed for good: the held seat goes back at once. Returns whether a seat was freed (false when no longer pending).</summary>
    public bool FailPayment(string reason, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return false;
        }

        ExpiryReason = Registrations.ExpiryReason.PaymentFailed;
        StatusReason = reason.Trim();
        var released = Close(RegistrationStatus.Expired, now);
        Raise(new RegistrationExpired(this));
        return released;
    }

    /// <summary>Payment recorded what this registration owes, under the registration's id.</summary>
    public void PaymentOpened() => PaymentIntentId ??= Id;

    /// <summary>
    /// Money arrived after the hold lapsed. With <paramref name="seatGranted"/> (a seat was still free) it confirms
    /// after all; otherwise it stays expired and says the payment is refunded. Returns whether it confirmed.
    /// </summary>
    public bool AcceptLatePayment(bool seatGranted, DateTimeOffset now)
    {
        BusinessRule.Check(new RegistrationMustHaveExpiredRule(this));
        if (!seatGranted)
        {
            StatusReason = "The payment arrived after the seat hold lapsed and no seat was left: it is refunded in full.";
            UpdateTime = now;
            return false;
        }

        HoldsSeat = true;
        ExpiryReason = null;
        CloseTime = null;
        StatusReason = string.Empty;
        Confirm(now);
        Raise(new RegistrationPaid(this));
        return true;
    }

    /// <summary>A refund of this registration's payment completed.</summary>
    public void RefundCompleted(long amountMinor, DateTimeOffset now)
    {
        RefundedMinor += amountMinor;
        UpdateTime = now;
    }

    /// <summary>A freed seat goes to this waitlisted registration: confirmed at once if free, held for payment if paid.</summary>
    public void PromoteFromWaitlist(CapacityPolicy policy, DateTimeOffset now)
    {
        BusinessRule.Check(new RegistrationMustBeWaitlistedRule(this));
        PromotedFromWaitlist = true;
        TakeSeat(policy, now);
        Raise(new RegistrationPromotedFromWaitlist(this));
    }

    /// <summary>The payment succeeded while the seat was held.</summary>
    public void ConfirmPayment(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Confirmed)
        {
            return;
        }

        BusinessRule.Check(new RegistrationMustBePendingRule(this));
        Confirm(now);
        Raise(new RegistrationPaid(this));
    }

    /// <summary>
    /// Replaces the sessions chosen. <paramref name="found"/> is what program knows of <paramref name="chosen"/>; the
    /// caller takes a session seat for each added session and frees one for each removed one.
    /// </summary>
    public SessionChoiceChange ChooseSessions(IReadOnlyCollection<string> chosen, IReadOnlyCollection<Session> found, DateTimeOffset now)
    {
        BusinessRule.Check(new RegistrationMustBeConfirmedToChooseSessionsRule(this));
        var wanted = chosen.Distinct(StringComparer.Ordinal).ToList();
        var added = wanted.Except(_sessionIds, StringComparer.Ordinal).ToList();
        SessionChoice.Check(EventId, wanted, found, newlyChosen: added);
        var change = new SessionChoiceChange(added, _sessionIds.Except(wanted, StringComparer.Ordinal).ToList());
        _sessionIds = wanted;
        _requestedSessionIds = [];
        if (!change.IsEmpty)
        {
            UpdateTime = now;
        }

        return change;
    }

    /// <summary>Confirmed: the sessions asked for at registration that still had a seat are now held.</summary>
    public void HoldRequestedSessions(IEnumerable<string> obtained, DateTimeOffset now)
    {
        BusinessRule.Check(new RegistrationMustBeConfirmedToChooseSessionsRule(this));
        _sessionIds = obtained.Distinct(StringComparer.Ordinal).ToList();
        _requestedSessionIds = [];
        UpdateTime = now;
    }

    private void TakeSeatOrWaitlist(CapacityPolicy policy, bool seatGranted, long? waitlistTicket, DateTimeOffset now)
    {
        if (seatGranted)
        {
            TakeSeat(policy, now);
            return;
        }

        BusinessRule.Check(new WaitlistMustBeEnabledRule(policy));
        ArgumentNullException.ThrowIfNull(waitlistTicket);
        Status = RegistrationStatus.Waitlisted;
        WaitlistTicket = waitlistTicket;
        UpdateTime = now;
    }

    private void TakeSeat(CapacityPolicy policy, DateTimeOffset now)
    {
        HoldsSeat = true;
        WaitlistTicket = null;
        if (policy.IsFree)
        {
            Confirm(now);
        }
        else
        {
            Status = RegistrationStatus.Pending;
            HoldDeadline = now + policy.HoldDuration;
            UpdateTime = now;
        }
    }

    private void Confirm(DateTimeOffset now)
    {
        Status = RegistrationStatus.Confirmed;
        HoldDeadline = null;
        ConfirmTime = now;
        UpdateTime = now;
    }

    private bool Close(RegistrationStatus status, DateTimeOffset now)
    {
        var released = HoldsSeat;
        Status = status;
        // The session seats are freed by the caller, which read SessionIds before closing.
        _sessionIds = [];
        _requestedSessionIds = [];
        HoldsSeat = false;
        HoldDeadline = null;
        WaitlistTicket = null;
        CloseTime = now;
        UpdateTime = now;
        return released;
    }
}
