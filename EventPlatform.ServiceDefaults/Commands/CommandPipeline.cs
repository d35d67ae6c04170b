using System.Diagnostics;
using EventPlatform.Domain;
using EventPlatform.Messaging.Outbox;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.ServiceDefaults.Commands;

/// <summary>
/// The one way a command changes a service's state: load and execute (the caller's work), turn the domain events
/// the aggregates raised into integration events on the outbox, save, commit — all in one transaction, retried as a
/// whole on a transient database failure (EF Core's execution strategy). Inside an integration event's handling the
/// bus's transaction (which holds the inbox record) is joined instead, and the bus commits.
/// </summary>
public sealed class CommandPipeline<TDbContext>(
    TDbContext db, IOutbox outbox, IIntegrationEventMapper mapper, IEnumerable<ICommandFailureTranslator> translators)
    where TDbContext : DbContext
{
    public TDbContext Db => db;

    public Task<T> RunAsync<T>(Func<CommandContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, beforeSave: null, cancellationToken);

    public Task RunAsync(Func<CommandContext, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync<bool>(async (context, token) =>
        {
            await work(context, token);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Creates an aggregate under the client's idempotency key: the same key again returns what the first call created
    /// (found by its request id), also when two calls race and the database's unique index decides. A clash on another
    /// unique value is <paramref name="conflict"/> (by default ALREADY_EXISTS).
    /// </summary>
    public async Task<T> CreateOnceAsync<T>(
        string requestId, Func<CommandContext, CancellationToken, Task<T>> create, CancellationToken cancellationToken,
        Func<Exception>? conflict = null)
        where T : class
    {
        if (await FindCreatedAsync<T>(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await RunAsync(create, created => db.Entry(created).Property(Idempotency.RequestId).CurrentValue = requestId, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await FindCreatedAsync<T>(requestId, cancellationToken)
                ?? throw conflict?.Invoke() ?? new AlreadyExistsException(typeof(T).Name, requestId, $"A {typeof(T).Name} with the same unique values already exists.");
        }
    }

    public Task<T?> FindCreatedAsync<T>(string requestId, CancellationToken cancellationToken) where T : class =>
        db.Set<T>().AsNoTracking().WithRequestId(requestId).SingleOrDefaultAsync(cancellationToken);

    private async Task<T> RunAsync<T>(
        Func<CommandContext, CancellationToken, Task<T>> work, Action<T>? beforeSave, CancellationToken cancellationToken)
    {
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return await AttemptAsync(work, beforeSave, new CommandContext(), cancellationToken);
            }

            var (result, committed) = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async token =>
                {
                    // A retried attempt starts from the database, not from what the failed one left tracked.
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    var context = new CommandContext();
                    try
                    {
                        var result = await AttemptAsync(work, beforeSave, context, token, owned: true);
                        await transaction.CommitAsync(token);
                        return (result, context);
                    }
                    catch
                    {
                        await context.CompensateAsync();
                        throw;
                    }
                },
                cancellationToken);
            await committed.CommittedAsync();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("It was changed by someone else meanwhile: read it again, then retry.");
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>One attempt of the work up to its save; <paramref name="owned"/>: the caller commits (and compensates).</summary>
    private async Task<T> AttemptAsync<T>(
        Func<CommandContext, CancellationToken, Task<T>> work, Action<T>? beforeSave, CommandContext context,
        CancellationToken cancellationToken, bool owned = false)
    {
        try
        {
            var result = await work(context, cancellationToken);
            beforeSave?.Invoke(result);
            await PublishDomainEventsAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (!owned)
            {
                await context.CommittedAsync();
            }

            return result;
        }
        catch when (!owned)
        {
            await context.CompensateAsync();
            throw;
        }
    }

    /// <summary>
    /// Enqueues what <paramref name="aggregate"/> raised so far as if raised within <paramref name="cause"/>: when one
    /// transaction carries the work of several requests, each one's events continue that request's trace.
    /// </summary>
    public async Task EnqueueRaisedEventsAsync(AggregateRoot aggregate, Activity? cause, CancellationToken cancellationToken)
    {
        // An async method restores its caller's execution context on return: Activity.Current changes here only.
        Activity.Current = cause;
        await EnqueueAsync([aggregate], cancellationToken);
    }

    /// <summary>Every event the tracked aggregates raised, in the order raised, mapped and enqueued in this transaction.</summary>
    private Task PublishDomainEventsAsync(CancellationToken cancellationToken) =>
        EnqueueAsync(db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity), cancellationToken);

    private async Task EnqueueAsync(IEnumerable<AggregateRoot> candidates, CancellationToken cancellationToken)
    {
        var aggregates = candidates.Where(a => a.DomainEvents.Count > 0).ToList();
        if (aggregates.Count == 0)
        {
            return;
        }

        var raised = aggregates.SelectMany(a => a.DomainEvents).OrderBy(e => e.Sequence).Select(e => e.Event).ToList();
        aggregates.ForEach(a => a.ClearDomainEvents());
        foreach (var outgoing in await mapper.MapAsync(raised, cancellationToken))
        {
            outbox.Enqueue(outgoing.Event, outgoing.OrderingKey, outgoing.Subject);
        }
    }

    private Exception? Translate(Exception failure) =>
        translators.Select(t => t.Translate(failure)).FirstOrDefault(t => t is not null);
}
