using Npgsql;

namespace EventPlatform.Messaging.Outbox;

/// <summary>The relay's SQL. Every method runs on the caller's connection and, where given, its transaction.</summary>
internal sealed class OutboxStore(MessagingTables tables)
{
    /// <summary>
    /// Takes the oldest pending ordering keys no other relay holds, skipping keys whose head row waits for a retry.
    /// A key stays locked by this transaction until it ends, so two replicas never publish the same key at once and
    /// each key's rows go out in sequence order.
    /// </summary>
    public async Task<List<string>> LockKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, int scan, int maxKeys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH waiting AS (
                SELECT DISTINCT ordering_key FROM {tables.Outbox}
                WHERE sent_at IS NULL AND next_attempt_at > @now
            ), head AS (
                SELECT ordering_key, sequence FROM {tables.Outbox}
                WHERE sent_at IS NULL AND ordering_key NOT IN (SELECT ordering_key FROM waiting)
                ORDER BY sequence
                LIMIT @scan
            ), candidates AS MATERIALIZED (
                SELECT ordering_key, min(sequence) AS first_sequence FROM head
                GROUP BY ordering_key
                ORDER BY first_sequence
                LIMIT @max_keys
            )
            SELECT ordering_key FROM candidates
            WHERE pg_try_advisory_xact_lock({OutboxSchema.RelayLockClass}, hashtext(ordering_key))
            ORDER BY first_sequence
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("scan", scan);
        command.Parameters.AddWithValue("max_keys", maxKeys);

        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Pending rows of the locked keys in publication order. A separate statement from the lock, so it sees every row committed before the lock was won.</summary>
    public async Task<List<OutboxRow>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> keys, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT id, sequence, topic, type, ordering_key, subject, payload, created_at, trace_parent, trace_state, attempts
            FROM {tables.Outbox}
            WHERE sent_at IS NULL AND ordering_key = ANY(@keys)
            ORDER BY sequence
            LIMIT @limit
            """, connection, transaction);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        command.Parameters.AddWithValue("limit", limit);

        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetGuid(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<byte[]>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt32(10)));
        }

        return rows;
    }

    public async Task MarkSentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"UPDATE {tables.Outbox} SET sent_at = @now WHERE id = ANY(@ids)", connection, transaction);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {tables.Outbox} SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE id = @id",
            connection, transaction);
        command.Parameters.AddWithValue("next", nextAttemptAt.ToUniversalTime());
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(long Pending, DateTimeOffset? OldestCreatedAt)> ReadBacklogAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), min(created_at) FROM {tables.Outbox} WHERE sent_at IS NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Deletes up to <paramref name="limit"/> rows sent before <paramref name="before"/>; chunked so no delete holds locks for long.</summary>
    public async Task<int> PruneSentAsync(NpgsqlConnection connection, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            DELETE FROM {tables.Outbox} WHERE id IN (
                SELECT id FROM {tables.Outbox} WHERE sent_at IS NOT NULL AND sent_at < @before LIMIT @limit)
            """, connection);
        command.Parameters.AddWithValue("before", before.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
