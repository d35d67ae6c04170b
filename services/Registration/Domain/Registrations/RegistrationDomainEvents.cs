using EventPlatform.Domain;
using EventPlatform.Registrations.Domain.Policies;

namespace EventPlatform.Registrations.Domain.Registrations;

/// <summary>An attendee asked for a seat; the registration says what they got (confirmed, held, waitlisted, awaiting approval).</summary>
public sealed record RegistrationRequested(Registration Registration) : IDomainEvent;

public sealed record RegistrationApproved(Registration Registration) : IDomainEvent;

public sealed record RegistrationRejected(Registration Registration, bool SeatReleased) : IDomainEvent;

/// <param name="RefundDue">What the event's refund terms give back of a paid registration; null for none.</param>
public sealed record RegistrationCancelled(Registration Registration, RegistrationStatus PreviousStatus, bool SeatReleased, Money? RefundDue) : IDomainEvent;

/// <summary>The payment deadline passed or the payment failed (<see cref="Registration.ExpiryReason"/>): the held seat went back.</summary>
public sealed record RegistrationExpired(Registration Registration) : IDomainEvent;

/// <summary>A freed seat went to this waitlisted registration.</summary>
public sealed record RegistrationPromotedFromWaitlist(Registration Registration) : IDomainEvent;

/// <summary>The payment succeeded: for the held seat, or late, for a seat still free.</summary>
public sealed record RegistrationPaid(Registration Registration) : IDomainEvent;
