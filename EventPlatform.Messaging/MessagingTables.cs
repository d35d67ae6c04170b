using EventPlatform.Messaging.Inbox;
using EventPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventPlatform.Messaging;

/// <summary>The outbox and inbox tables as raw SQL must name them: quoted and in the schema the DbContext maps them to.</summary>
internal sealed record MessagingTables(string Outbox, string Inbox, string? Schema)
{
    public static MessagingTables Of(DbContext db)
    {
        var outbox = db.Model.FindEntityType(typeof(OutboxMessage));
        var inbox = db.Model.FindEntityType(typeof(InboxMessage));
        if (outbox is null || inbox is null)
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} does not map the outbox and inbox tables: call modelBuilder.AddMessaging() in its OnModelCreating " +
                "and add a migration.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        return new MessagingTables(
            sql.DelimitIdentifier(outbox.GetTableName()!, outbox.GetSchema()),
            sql.DelimitIdentifier(inbox.GetTableName()!, inbox.GetSchema()),
            outbox.GetSchema());
    }
}
