namespace EventPlatform.ServiceDefaults.Commands;

/// <summary>
/// What a command's work may ask of the pipeline while it runs: to undo, if the transaction does not commit, what it
/// did outside the database (a seat granted by Redis, say). A retried attempt starts with a new context.
/// </summary>
public sealed class CommandContext
{
    private readonly List<Func<Task>> _compensations = [];

    /// <summary>Runs if this attempt fails or rolls back, newest first; never after a commit.</summary>
    public void OnRollback(Func<Task> compensation) => _compensations.Add(compensation);

    internal async Task CompensateAsync()
    {
        for (var i = _compensations.Count - 1; i >= 0; i--)
        {
            await _compensations[i]();
        }

        _compensations.Clear();
    }
}
