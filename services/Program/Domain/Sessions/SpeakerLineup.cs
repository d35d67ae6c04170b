using EventPlatform.Domain;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>The speakers of a session, in the order the program lists them, each once.</summary>
public sealed record SpeakerLineup
{
    public const int MaxSpeakers = 20;

    private SpeakerLineup(IReadOnlyList<SpeakerId> speakers) => Speakers = speakers;

    public static SpeakerLineup None { get; } = new([]);

    public IReadOnlyList<SpeakerId> Speakers { get; }

    public static SpeakerLineup Create(IEnumerable<SpeakerId> speakers)
    {
        var list = speakers.ToList();
        BusinessRule.Check(new SpeakersMustBeListedOnceRule(list));
        BusinessRule.Check(new SessionSpeakersMustBeFewRule(list.Count));
        return new SpeakerLineup(list);
    }

    /// <summary>Same people, whatever the order: what attendees would notice.</summary>
    public bool HasSamePeopleAs(SpeakerLineup other) => Speakers.ToHashSet().SetEquals(other.Speakers);

    public bool Equals(SpeakerLineup? other) => other is not null && Speakers.SequenceEqual(other.Speakers);

    public override int GetHashCode() => Speakers.Aggregate(0, (hash, id) => HashCode.Combine(hash, id));
}

public sealed class SpeakersMustBeListedOnceRule(IReadOnlyList<SpeakerId> speakers) : IFieldRule
{
    public string Field => "Speakers";

    public string Message => "Each speaker is listed once per session.";

    public bool IsBroken() => speakers.Distinct().Count() != speakers.Count;
}

public sealed class SessionSpeakersMustBeFewRule(int count) : IFieldRule
{
    public string Field => "Speakers";

    public string Message => $"A session has at most {SpeakerLineup.MaxSpeakers} speakers.";

    public bool IsBroken() => count > SpeakerLineup.MaxSpeakers;
}
