namespace EventPlatform.Domain;

/// <summary>Something that happened to an aggregate, in the domain's words; raised by the aggregate as it changes.</summary>
public interface IDomainEvent;

/// <summary>A domain event with its place in the order of all events raised in this process.</summary>
public readonly record struct RaisedDomainEvent(long Sequence, IDomainEvent Event);

/// <summary>
/// The root of an aggregate: changed only through its own methods, which check their rules first, then change state,
/// then raise what happened. The command pipeline turns the raised events into integration events in the same
/// transaction as the change.
/// </summary>
public abstract class AggregateRoot
{
    // One command may change several aggregates; the sequence keeps their events in the order they happened.
    private static long s_sequence;

    private readonly List<RaisedDomainEvent> _domainEvents = [];

    public IReadOnlyList<RaisedDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) =>
        _domainEvents.Add(new RaisedDomainEvent(Interlocked.Increment(ref s_sequence), domainEvent));

    public void ClearDomainEvents() => _domainEvents.Clear();
}
