using Npgsql;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// The outbox's insert trigger. EF migrations create tables, not triggers, so the relay installs it when it starts
/// (idempotently, under a lock, for replicas starting together). It does three things no mapping can:
/// <list type="bullet">
/// <item>locks the row's ordering key until the inserting transaction ends, then takes the next sequence number, so
/// for one key the sequence follows commit order and the relay never publishes a later event before an earlier one
/// that was still committing;</item>
/// <item>notifies the relay, delivered by PostgreSQL at commit, so events go out promptly without tight polling.</item>
/// </list>
/// </summary>
internal static class OutboxSchema
{
    public const string NotificationChannel = "eventplatform_outbox";

    /// <summary>Advisory-lock namespaces (first key of the two-int form), so our locks never meet anyone else's.</summary>
    public const int InsertLockClass = 0x45504F31;

    public const int RelayLockClass = 0x45504F32;

    private const int InstallLockClass = 0x45504F33;
    private const string TriggerName = "outbox_messages_before_insert";
    private const string FunctionName = "eventplatform_outbox_before_insert";

    public static async Task EnsureInstalledAsync(NpgsqlConnection connection, MessagingTables tables, CancellationToken cancellationToken)
    {
        var function = tables.Schema is null ? FunctionName : $"{QuoteIdentifier(tables.Schema)}.{FunctionName}";
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({InstallLockClass}, 0)", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                PERFORM pg_advisory_xact_lock({InsertLockClass}, hashtext(NEW.ordering_key));
                NEW.sequence := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'sequence'));
                PERFORM pg_notify('{NotificationChannel}', '');
                RETURN NEW;
            END
            $body$
            """, cancellationToken);

        await using var exists = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = @name AND tgrelid = to_regclass(@table))", connection);
        exists.Parameters.AddWithValue("name", TriggerName);
        exists.Parameters.AddWithValue("table", tables.Outbox);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            await ExecuteAsync(connection,
                $"CREATE TRIGGER {TriggerName} BEFORE INSERT ON {tables.Outbox} FOR EACH ROW EXECUTE FUNCTION {function}()",
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
