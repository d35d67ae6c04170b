using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// A DbContext's connection opened for Npgsql work of our own, and closed again when disposed. DbContexts are pooled:
/// one handed back with a connection opened by hand and never closed keeps EF's count of opens, and every later user
/// of that instance then holds a database connection for its whole scope instead of per query (in a rush, requests
/// waiting on the group commit held the whole pool that way, and the group commit waited for a connection).
/// </summary>
internal sealed class OpenedConnection : IAsyncDisposable
{
    private readonly DbContext _db;

    private OpenedConnection(DbContext db)
    {
        _db = db;
        Connection = (NpgsqlConnection)db.Database.GetDbConnection();
    }

    public NpgsqlConnection Connection { get; }

    public static async Task<OpenedConnection> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new OpenedConnection(db);
    }

    public ValueTask DisposeAsync() => new(_db.Database.CloseConnectionAsync());
}
