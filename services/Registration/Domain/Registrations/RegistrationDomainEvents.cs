using EventPlatform.Domain;

namespace EventPlatform.Registrations.Domain.Registrations;

/// <summary>An attendee asked for a seat; the registration says what they got (confirmed, held, waitlisted, awaiting approval).</summary>
public sealed record RegistrationRequested(Registration Registration) : IDomainEvent;

public sealed record RegistrationApproved(Registration Registration) : IDomainEvent;

public sealed record RegistrationRejected(Registration Registration, bool SeatReleased) : IDomainEvent;

public sealed record RegistrationCancelled(Registration Registration, RegistrationStatus PreviousStatus, bool SeatReleased) : IDomainEvent;

/// <summary>The payment deadline passed: the held seat went back.</summary>
public sealed record RegistrationExpired(Registration Registration) : IDomainEvent;

/// <summary>A freed seat went to this waitlisted registration.</summary>
public sealed record RegistrationPromotedFromWaitlist(Registration Registration) : IDomainEvent;

/// <summary>The payment for the held seat succeeded.</summary>
public sealed record RegistrationPaid(Registration Registration) : IDomainEvent;
