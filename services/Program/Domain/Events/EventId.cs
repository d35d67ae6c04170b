using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Events;

/// <summary>The id of a catalog event, whose program this service keeps.</summary>
public readonly record struct EventId(Guid Value) : ITypedId<EventId>
{
    public static EventId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
