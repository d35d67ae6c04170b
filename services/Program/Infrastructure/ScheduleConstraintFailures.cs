using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Commands;

namespace EventPlatform.Program.Infrastructure;

/// <summary>
/// A schedule constraint of the database that fires (a concurrent write slipped past the domain check) is reported
/// as the rule it stands for; a deadlock that outlasted the retries as a conflict to retry.
/// </summary>
public sealed class ScheduleConstraintFailures : ICommandFailureTranslator
{
    public Exception? Translate(Exception failure) =>
        ScheduleConstraints.RuleOf(failure) is { } rule ? new BusinessRuleBrokenException(rule)
        : ScheduleConstraints.IsDeadlock(failure) ? new ConcurrencyConflictException("A concurrent change to the same sessions got in the way: read the program again, then retry.")
        : null;
}
