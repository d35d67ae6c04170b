using EventPlatform.Messaging.Inbox;
using EventPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps <c>outbox_messages</c> and <c>inbox_messages</c> into the service's model, so its own migrations create them
    /// beside its tables. Call it from OnModelCreating of the DbContext given to AddEventBus.
    /// </summary>
    public static ModelBuilder AddMessaging(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        return modelBuilder;
    }
}
