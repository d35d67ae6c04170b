namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// One shared Redis connection from ConnectionStrings:{connectionName} through Aspire's client integration
    /// (health check, tracing, <c>Aspire:StackExchange:Redis:*</c> settings). It keeps reconnecting in the background,
    /// so a Redis restart is a pause, not a crash.
    /// </summary>
    public static IHostApplicationBuilder AddServiceRedis(this IHostApplicationBuilder builder, string connectionName = "redis")
    {
        builder.AddRedisClient(connectionName, configureOptions: options => options.AbortOnConnectFail = false);
        return builder;
    }
}
