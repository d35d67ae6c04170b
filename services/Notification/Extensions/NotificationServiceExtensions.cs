using EventPlatform.Notification.Infrastructure;

namespace EventPlatform.Notification.Extensions;

internal static class NotificationServiceExtensions
{
    public static WebApplicationBuilder AddNotification(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddServiceRedis();
        return builder;
    }
}
