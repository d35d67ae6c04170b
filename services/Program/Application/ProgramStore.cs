using EventPlatform.Domain;
using EventPlatform.Program.Domain.Rooms;
using EventPlatform.Program.Domain.Sessions;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.Program.Infrastructure;
using EventPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Program.Application;

/// <summary>
/// Loading aggregates for change and saving them in one transaction, with the failures callers must see named: a
/// schedule constraint of the database that fires is reported as the business rule it stands for.
/// </summary>
public sealed class ProgramStore(ProgramDbContext db)
{
    public ProgramDbContext Db => db;

    public async Task<Session> SessionForChangeAsync(SessionId id, CancellationToken cancellationToken) =>
        await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Session), id.ToString());

    public async Task<Room> RoomForChangeAsync(RoomId id, CancellationToken cancellationToken) =>
        await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Room), id.ToString());

    public async Task<Speaker> SpeakerForChangeAsync(SpeakerId id, CancellationToken cancellationToken) =>
        await db.Speakers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Speaker), id.ToString());

    public Task SaveAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Runs the work (which saves) in one transaction. The speakers' overlap constraint is checked at commit (it is
    /// deferred, so that replacing a session's speakers and moving it are judged on the end state), hence the
    /// explicit commit here. Inside an integration event's handling the dispatcher's transaction is used instead: it
    /// commits the effects with the inbox record.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return await work();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("It was changed by someone else meanwhile: read it again, then retry.");
        }
        catch (Exception e) when (ScheduleConstraints.RuleOf(e) is { } rule)
        {
            throw new BusinessRuleBrokenException(rule);
        }
        catch (Exception e) when (ScheduleConstraints.IsDeadlock(e))
        {
            throw new ConcurrencyConflictException("A concurrent change to the same sessions got in the way: read the program again, then retry.");
        }
    }

    /// <summary>
    /// Adds a new aggregate under the client's idempotency key; if a concurrent call with the same key won, returns
    /// what that call created instead.
    /// </summary>
    public async Task<T> AddOnceAsync<T>(T created, string requestId, CancellationToken cancellationToken) where T : class
    {
        db.Add(created);
        db.Entry(created).Property(Idempotency.RequestId).CurrentValue = requestId;
        try
        {
            await SaveAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException e) when (ScheduleConstraints.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            var winner = await FindCreatedAsync<T>(requestId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }
    }

    public Task<T?> FindCreatedAsync<T>(string requestId, CancellationToken cancellationToken) where T : class =>
        db.Set<T>().AsNoTracking().WithRequestId(requestId).SingleOrDefaultAsync(cancellationToken);
}
