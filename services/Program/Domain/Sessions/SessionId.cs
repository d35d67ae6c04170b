using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>Version 7: ids sort by creation time, which lists use as their tie-breaker.</summary>
public readonly record struct SessionId(Guid Value) : IComparable<SessionId>, ITypedId<SessionId>
{
    public static bool operator <(SessionId left, SessionId right) => left.CompareTo(right) < 0;

    public static bool operator >(SessionId left, SessionId right) => left.CompareTo(right) > 0;

    public static bool operator <=(SessionId left, SessionId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SessionId left, SessionId right) => left.CompareTo(right) >= 0;

    public int CompareTo(SessionId other) => Value.CompareTo(other.Value);

    public static SessionId New() => new(Guid.CreateVersion7());

    public static SessionId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
