using EventPlatform.Domain;
using Google.Protobuf;

namespace EventPlatform.ServiceDefaults.Commands;

/// <summary>An integration event to publish, with the key that orders it (the catalog event's id) and its subject.</summary>
public sealed record OutgoingEvent(IMessage Event, string OrderingKey, string? Subject = null);

/// <summary>
/// The one place per service where what happened in its domain becomes what other services are told. It sees every
/// domain event one command raised, in the order they were raised, so it may fold several into one message.
/// </summary>
public interface IIntegrationEventMapper
{
    Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken);
}

/// <summary>
/// Turns a failure that a service's database reports in its own terms (a constraint, a deadlock) into the rule or
/// conflict callers must see; null when it does not recognise it.
/// </summary>
public interface ICommandFailureTranslator
{
    Exception? Translate(Exception failure);
}
