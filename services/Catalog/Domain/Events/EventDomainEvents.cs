using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

/// <summary>The event went public: people may register from now on (within its registration window).</summary>
public sealed record EventPublished(Event Event) : IDomainEvent;

/// <summary>The organizer edited the event; <paramref name="ChangedParts"/> names what changed (Title, Schedule…).</summary>
public sealed record EventChanged(Event Event, IReadOnlyList<string> ChangedParts) : IDomainEvent;

public sealed record EventRegistrationsClosed(Event Event) : IDomainEvent;

public sealed record EventCompleted(Event Event) : IDomainEvent;

/// <summary>The event was called off; <paramref name="WasPublished"/> says whether anyone could have registered.</summary>
public sealed record EventCancelled(Event Event, bool WasPublished) : IDomainEvent;
