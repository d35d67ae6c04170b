using EventPlatform.Analytics.Infrastructure;
using EventPlatform.Messaging;

namespace EventPlatform.Analytics.Extensions;

internal static class AnalyticsServiceExtensions
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDbContext>("analyticsdb");
        builder.AddServiceRedis();
        builder.AddEventBus<AnalyticsDbContext>("analytics");
        return builder;
    }
}
