using EventPlatform.Messaging;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.EventMessages;
using EventPlatform.Notification.Domain.Events;
using EventPlatform.Notification.Domain.Templates;
using Microsoft.EntityFrameworkCore;
using InAppNotification = EventPlatform.Notification.Domain.Notifications.Notification;

namespace EventPlatform.Notification.Infrastructure;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<InAppNotification> Notifications => Set<InAppNotification>();

    public DbSet<EventMessage> EventMessages => Set<EventMessage>();

    public DbSet<EventInfo> Events => Set<EventInfo>();

    public DbSet<Recipient> Recipients => Set<Recipient>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationDbContext).Assembly).AddMessaging();
}
