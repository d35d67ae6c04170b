using EventPlatform.Domain;
using EventPlatform.Program.Domain.Speakers;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>A speaker is never in two overlapping scheduled sessions, whichever of the organizer's events they are in.</summary>
public sealed class SpeakersMustNotBeInOverlappingSessionsRule : IBusinessRule
{
    private readonly (SpeakerId Speaker, BookedSession Session)? _conflict;
    private readonly bool _reportedByDatabase;

    public SpeakersMustNotBeInOverlappingSessionsRule(SessionId session, SpeakerLineup lineup, TimeSlot slot, IEnumerable<BookedSession> booked) =>
        _conflict = booked
            .Where(b => b.Id != session && b.Slot.Overlaps(slot))
            .SelectMany(b => lineup.Speakers.Where(b.Speakers.Contains).Select(speaker => ((SpeakerId, BookedSession)?)(speaker, b)))
            .FirstOrDefault();

    private SpeakersMustNotBeInOverlappingSessionsRule() => _reportedByDatabase = true;

    public string Message => _conflict is { } c
        ? $"A speaker cannot be in two overlapping sessions: speaker {c.Speaker} is in '{c.Session.Title}' ({c.Session.Slot})."
        : "A speaker cannot be in two overlapping sessions: one of them was placed in another session at that time meanwhile.";

    /// <summary>The database's exclusion constraint caught an overlap that a concurrent write made after the check.</summary>
    public static SpeakersMustNotBeInOverlappingSessionsRule ReportedByDatabase() => new();

    public bool IsBroken() => _reportedByDatabase || _conflict is not null;
}
