using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventPlatform.Messaging.Inbox;

/// <summary>Names fixed for the same reason as the outbox's: the inbox is written in raw SQL (INSERT … ON CONFLICT).</summary>
internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("inbox_messages");
        builder.HasKey(m => new { m.Consumer, m.MessageId }).HasName("pk_inbox_messages");
        builder.Property(m => m.Consumer).HasColumnName("consumer");
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.MessageType).HasColumnName("message_type").IsRequired();
        builder.Property(m => m.HandledAt).HasColumnName("handled_at");
        builder.HasIndex(m => m.HandledAt).HasDatabaseName("ix_inbox_messages_handled_at");
    }
}
