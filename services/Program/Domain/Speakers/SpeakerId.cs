using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Speakers;

/// <summary>Version 7: ids sort by creation time, which lists use as their tie-breaker.</summary>
public readonly record struct SpeakerId(Guid Value) : IComparable<SpeakerId>, ITypedId<SpeakerId>
{
    public static bool operator <(SpeakerId left, SpeakerId right) => left.CompareTo(right) < 0;

    public static bool operator >(SpeakerId left, SpeakerId right) => left.CompareTo(right) > 0;

    public static bool operator <=(SpeakerId left, SpeakerId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SpeakerId left, SpeakerId right) => left.CompareTo(right) >= 0;

    public int CompareTo(SpeakerId other) => Value.CompareTo(other.Value);

    public static SpeakerId New() => new(Guid.CreateVersion7());

    public static SpeakerId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}
