using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// Names are fixed here rather than left to the service's naming convention: the relay addresses the table in raw SQL
/// and its trigger, which must read the same whatever convention a service uses.
/// </summary>
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string Table = "outbox_messages";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.Id).HasName("pk_outbox_messages");
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityByDefaultColumn();
        builder.Property(m => m.Topic).HasColumnName("topic").IsRequired();
        builder.Property(m => m.Type).HasColumnName("type").IsRequired();
        builder.Property(m => m.OrderingKey).HasColumnName("ordering_key").IsRequired();
        builder.Property(m => m.Subject).HasColumnName("subject");
        builder.Property(m => m.Payload).HasColumnName("payload").IsRequired();
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent");
        builder.Property(m => m.TraceState).HasColumnName("trace_state");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(m => m.LastError).HasColumnName("last_error");
        builder.Property(m => m.SentAt).HasColumnName("sent_at");

        builder.HasIndex(m => m.Sequence).IsUnique().HasDatabaseName("ix_outbox_messages_sequence");
        builder.HasIndex(m => new { m.OrderingKey, m.Sequence })
            .HasDatabaseName("ix_outbox_messages_pending_by_key")
            .HasFilter("sent_at IS NULL");
        builder.HasIndex(m => m.NextAttemptAt)
            .HasDatabaseName("ix_outbox_messages_retrying")
            .HasFilter("sent_at IS NULL AND next_attempt_at IS NOT NULL");
        builder.HasIndex(m => m.SentAt)
            .HasDatabaseName("ix_outbox_messages_sent_at")
            .HasFilter("sent_at IS NOT NULL");
    }
}
