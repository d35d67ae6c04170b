using EventPlatform.Notification.Infrastructure;
using EventPlatform.Messaging;

namespace EventPlatform.Notification.Extensions;

internal static class NotificationServiceExtensions
{
    public static WebApplicationBuilder AddNotification(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddServiceRedis();
        builder.AddEventBus<NotificationDbContext>("notification");
        return builder;
    }
}
