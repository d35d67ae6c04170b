namespace EventPlatform.Domain;

/// <summary>A strongly typed id over a Guid (EventId, SessionId…), so ids of different aggregates never mix.</summary>
public interface ITypedId<TSelf> where TSelf : struct, ITypedId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
