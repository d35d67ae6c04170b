using EventPlatform.Registrations.Application.Ports;

namespace EventPlatform.Registrations.Application.Registering;

/// <summary>
/// A group without clashes inside it: a registration that repeats an earlier one of its group (the same attendee, or the
/// same request) is committed alone after the group, where it gets the answer it would have had alone (already
/// registered, or the registration its request made). The gate only counts seats, so a seat it granted to a repeat goes
/// to the first member it turned away: otherwise that member would be waitlisted while the repeat gives its seat back.
/// </summary>
public sealed record GroupPlan(
    IReadOnlyList<QueuedRegistration> Together,
    IReadOnlyList<SeatGateAnswer> TogetherAnswers,
    IReadOnlyList<QueuedRegistration> After,
    IReadOnlyList<SeatGateAnswer> AfterAnswers)
{
    public static GroupPlan Of(IReadOnlyList<QueuedRegistration> group)
    {
        var attendees = new HashSet<string>(StringComparer.Ordinal);
        var requests = new HashSet<string>(StringComparer.Ordinal);
        var together = new List<QueuedRegistration>(group.Count);
        var after = new List<QueuedRegistration>();
        foreach (var queued in group)
        {
            // Both sets learn of every registration, so a third repeat is caught by either.
            var repeats = !attendees.Add(queued.Command.AttendeeSubject) | !requests.Add(queued.Command.RequestId);
            (repeats ? after : together).Add(queued);
        }

        var togetherAnswers = together.Select(q => q.Gate).ToArray();
        var afterAnswers = after.Select(q => q.Gate).ToArray();
        var turnedAway = 0;
        for (var i = 0; i < afterAnswers.Length; i++)
        {
            while (turnedAway < togetherAnswers.Length && togetherAnswers[turnedAway] != SeatGateAnswer.NoSeat)
            {
                turnedAway++;
            }

            if (turnedAway == togetherAnswers.Length)
            {
                break;
            }

            if (afterAnswers[i] == SeatGateAnswer.Granted)
            {
                (togetherAnswers[turnedAway], afterAnswers[i]) = (SeatGateAnswer.Granted, SeatGateAnswer.NoSeat);
            }
        }

        return new GroupPlan(together, togetherAnswers, after, afterAnswers);
    }
}
