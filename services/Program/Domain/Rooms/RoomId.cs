using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Rooms;

/// <summary>Version 7: ids sort by creation time, which lists use as their tie-breaker.</summary>
public readonly record struct RoomId(Guid Value) : IComparable<RoomId>, ITypedId<RoomId>
{
    public static bool operator <(RoomId left, RoomId right) => left.CompareTo(right) < 0;

    public static bool operator >(RoomId left, RoomId right) => left.CompareTo(right) > 0;

    public static bool operator <=(RoomId left, RoomId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RoomId left, RoomId right) => left.CompareTo(right) >= 0;

    public int CompareTo(RoomId other) => Value.CompareTo(other.Value);

    public static RoomId New() => new(Guid.CreateVersion7());

    public static RoomId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
