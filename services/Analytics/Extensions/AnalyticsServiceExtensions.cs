using EventPlatform.Analytics.Infrastructure;

namespace EventPlatform.Analytics.Extensions;

internal static class AnalyticsServiceExtensions
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDbContext>("analyticsdb");
        builder.AddServiceRedis();
        return builder;
    }
}
