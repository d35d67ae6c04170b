using EventPlatform.Domain;

namespace EventPlatform.Registrations.Domain.Sessions;

/// <summary>The chosen sessions exist in the event's program (program does not know ids it never issued).</summary>
public sealed class ChosenSessionsMustBelongToEventRule(Guid eventId, IReadOnlyCollection<string> chosen, IReadOnlyCollection<Session> found)
    : IFieldRule
{
    public string Field => "Sessions";

    public string Message =>
        $"Not sessions of this event: {string.Join(", ", Strangers())}.";

    public bool IsBroken() => Strangers().Any();

    private IEnumerable<string> Strangers() =>
        chosen.Where(id => !found.Any(s => s.Id == id && s.EventId == eventId));
}

/// <summary>Plenary sessions (keynote, lunch) are attended by everyone: they are not chosen.</summary>
public sealed class PlenarySessionsAreNotChosenRule(IReadOnlyCollection<Session> chosen) : IFieldRule
{
    public string Field => "Sessions";

    public string Message =>
        $"Plenary sessions are attended by everyone and are not chosen: {string.Join(", ", chosen.Where(s => s.Plenary).Select(s => s.Id))}.";

    public bool IsBroken() => chosen.Any(s => s.Plenary);
}

/// <summary>An attendee cannot be in two rooms at once.</summary>
public sealed class ChosenSessionsMustNotOverlapRule(IReadOnlyCollection<Session> chosen) : IFieldRule
{
    public string Field => "Sessions";

    public string Message => Overlap() is var (a, b)
        ? $"Sessions {a.Id} and {b.Id} take place at the same time."
        : string.Empty;

    public bool IsBroken() => Overlap() is not null;

    private (Session, Session)? Overlap()
    {
        var ordered = chosen.OrderBy(s => s.StartTime).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].Overlaps(ordered[i]))
            {
                return (ordered[i - 1], ordered[i]);
            }
        }

        return null;
    }
}

/// <summary>A cancelled session is kept in the program for those who chose it, but nobody new may choose it.</summary>
public sealed class ChosenSessionMustBeScheduledRule(IReadOnlyCollection<Session> newlyChosen) : IBusinessRule
{
    public string Message =>
        $"These sessions were cancelled: {string.Join(", ", newlyChosen.Where(s => !s.Scheduled).Select(s => s.Id))}.";

    public bool IsBroken() => newlyChosen.Any(s => !s.Scheduled);
}

/// <summary>Every seat of the session is taken by attendees who chose it before.</summary>
public sealed class SessionMustHaveFreeSeatRule(string sessionId, bool seatTaken) : IBusinessRule
{
    public string Message => $"Session {sessionId} is full.";

    public bool IsBroken() => !seatTaken;
}

/// <summary>The rules a choice of sessions obeys, wherever it is made (when registering or later).</summary>
public static class SessionChoice
{
    /// <param name="newlyChosen">Sessions not chosen before: only these must still be scheduled.</param>
    public static void Check(Guid eventId, IReadOnlyCollection<string> chosen, IReadOnlyCollection<Session> found, IReadOnlyCollection<string> newlyChosen)
    {
        var sessions = found.Where(s => chosen.Contains(s.Id)).ToList();
        BusinessRule.CheckAll(
            new ChosenSessionsMustBelongToEventRule(eventId, chosen, sessions),
            new PlenarySessionsAreNotChosenRule(sessions),
            new ChosenSessionsMustNotOverlapRule(sessions));
        BusinessRule.Check(new ChosenSessionMustBeScheduledRule(sessions.Where(s => newlyChosen.Contains(s.Id)).ToList()));
    }
}

/// <summary>What a new choice changes: a session seat to take for each added session, one to free for each removed.</summary>
public sealed record SessionChoiceChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
