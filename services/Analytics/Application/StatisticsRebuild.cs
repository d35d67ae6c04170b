using EventPlatform.Analytics.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Analytics.Application;

/// <summary>
/// Recomputes every fact from analytics' journal — each integration event it ever applied, kept as received — in one
/// transaction, so readers see the old figures or the new ones, never half. The facts being order-free, the journal's
/// order does not matter; the result is the figures the live projection shows.
/// </summary>
public sealed class StatisticsRebuild(AnalyticsDbContext db, Projector projector)
{
    private const int Batch = 500;

    /// <summary>Returns how many events were replayed.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(ReplayAsync, cancellationToken);

    private async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Events.ExecuteDeleteAsync(cancellationToken);
        await db.Registrations.ExecuteDeleteAsync(cancellationToken);
        await db.Payments.ExecuteDeleteAsync(cancellationToken);
        await db.Refunds.ExecuteDeleteAsync(cancellationToken);
        await db.Documents.ExecuteDeleteAsync(cancellationToken);
        var replayed = 0;
        string? after = null;
        while (true)
        {
            var page = await db.Journal.AsNoTracking()
                .Where(j => after == null || string.Compare(j.MessageId, after) > 0)
                .OrderBy(j => j.MessageId).Take(Batch).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                if (Projector.Parsers.TryGetValue(entry.Type, out var parser))
                {
                    await projector.ApplyAsync(parser.ParseFrom(entry.Payload), cancellationToken);
                    replayed++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = page[^1].MessageId;
        }

        await transaction.CommitAsync(cancellationToken);
        return replayed;
    }
}
