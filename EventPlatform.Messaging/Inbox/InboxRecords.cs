using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Messaging.Inbox;

internal static class InboxRecords
{
    /// <summary>
    /// Records that <paramref name="consumer"/> handles the message, inside the DbContext's current transaction.
    /// False when it was handled before. A concurrent handling of the same message (a redelivery racing the original)
    /// waits here on the key until the other transaction ends, then sees its outcome.
    /// </summary>
    public static async Task<bool> TryRecordAsync(
        DbContext db, MessagingTables tables, string consumer, string messageId, string messageType, DateTimeOffset handledAt, CancellationToken cancellationToken)
    {
        // The table name comes from the model, never from input; the values are parameters.
        var sql = $"INSERT INTO {tables.Inbox} (consumer, message_id, message_type, handled_at) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT DO NOTHING";
        var inserted = await db.Database.ExecuteSqlRawAsync(
            sql,
            [consumer, messageId, messageType, handledAt.ToUniversalTime()],
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Deletes up to <paramref name="limit"/> records older than <paramref name="before"/>; chunked so no delete holds locks for long.</summary>
    public static async Task<int> PruneAsync(NpgsqlConnection connection, MessagingTables tables, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            DELETE FROM {tables.Inbox} WHERE ctid IN (
                SELECT ctid FROM {tables.Inbox} WHERE handled_at < @before LIMIT @limit)
            """, connection);
        command.Parameters.AddWithValue("before", before.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
