using EventPlatform.Domain;
using EventPlatform.Program.Domain.Sessions;

namespace EventPlatform.Program.Domain.Speakers;

/// <summary>
/// A person who speaks at an organizer's events. Speakers belong to the organizer, not to one event, so the same
/// person is reused across its events — and is never in two overlapping sessions, whichever events they belong to.
/// </summary>
public sealed class Speaker : AggregateRoot
{
    private Speaker()
    {
    }

    public SpeakerId Id { get; private set; }

    /// <summary>The catalog organizer whose events this speaker may appear in.</summary>
    public string OrganizerId { get; private set; } = "";

    /// <summary>The subject who manages that organizer when the speaker was created: who may change or delete it.</summary>
    public string OwnerId { get; private set; } = "";

    public SpeakerProfile Profile { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Speaker Create(SpeakerId id, string organizerId, string ownerId, SpeakerProfile profile, DateTimeOffset now) => new()
    {
        Id = id,
        OrganizerId = organizerId,
        OwnerId = ownerId,
        Profile = profile,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Replaces the profile; returns whether the name changed, the only part attendees are told about.</summary>
    public bool Revise(SpeakerProfile profile, DateTimeOffset now)
    {
        if (profile == Profile)
        {
            return false;
        }

        var renamed = profile.Name != Profile.Name;
        Profile = profile;
        UpdatedAt = now;
        if (renamed)
        {
            Raise(new SpeakerRenamed(Id));
        }

        return renamed;
    }

    public void EnsureCanBeDeleted(int scheduledSessions) =>
        BusinessRule.Check(new SpeakerWithScheduledSessionsCannotBeDeletedRule(scheduledSessions));
}

public sealed class SpeakerWithScheduledSessionsCannotBeDeletedRule(int scheduledSessions) : IBusinessRule
{
    private readonly bool _reportedByDatabase;

    private SpeakerWithScheduledSessionsCannotBeDeletedRule() : this(0) => _reportedByDatabase = true;

    public string Message => _reportedByDatabase
        ? "A speaker with scheduled sessions cannot be deleted: the speaker was added to a session meanwhile."
        : $"A speaker with scheduled sessions cannot be deleted: remove them from their {scheduledSessions} session(s) first.";

    /// <summary>The database refused the delete: a session placed concurrently still names the speaker.</summary>
    public static SpeakerWithScheduledSessionsCannotBeDeletedRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || scheduledSessions > 0;
}
