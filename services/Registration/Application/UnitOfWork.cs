using EventPlatform.Registration.Infrastructure;

namespace EventPlatform.Registration.Application;

/// <summary>
/// One PostgreSQL transaction for a state change, its seat accounting and its outgoing events. Inside an integration
/// event handler the bus already opened the transaction (with the inbox record), so the work joins it.
/// </summary>
public sealed class UnitOfWork(RegistrationDbContext db)
{
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var joined = await work();
            await db.SaveChangesAsync(cancellationToken);
            return joined;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
