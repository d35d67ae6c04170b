namespace EventPlatform.ServiceDefaults.Commands;

/// <summary>
/// What a command's work may ask of the pipeline for effects outside the database (a seat counter in Redis, say):
/// to undo one if the transaction does not commit, or to make one only once it has. A retried attempt starts with a
/// new context.
/// </summary>
public sealed class CommandContext
{
    private readonly List<Func<Task>> _compensations = [];
    private readonly List<Func<Task>> _afterCommit = [];

    /// <summary>Runs if this attempt fails or rolls back, newest first; never after a commit.</summary>
    public void OnRollback(Func<Task> compensation) => _compensations.Add(compensation);

    /// <summary>
    /// Runs once the transaction committed. When the pipeline joined a transaction it does not own (an integration
    /// event's handling), it runs once the work is saved, before that transaction commits: use it only for effects
    /// that are harmless should the commit then fail.
    /// </summary>
    public void AfterCommit(Func<Task> effect) => _afterCommit.Add(effect);

    internal async Task CompensateAsync()
    {
        _afterCommit.Clear();
        for (var i = _compensations.Count - 1; i >= 0; i--)
        {
            await _compensations[i]();
        }

        _compensations.Clear();
    }

    internal async Task CommittedAsync()
    {
        _compensations.Clear();
        foreach (var effect in _afterCommit)
        {
            await effect();
        }

        _afterCommit.Clear();
    }
}
