using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

public readonly record struct EventId(Guid Value) : ITypedId<EventId>
{
    public static EventId New() => new(Guid.CreateVersion7());

    public static EventId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
