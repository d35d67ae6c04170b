using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// Registering is rate limited per caller (their token, or their address when anonymous): a script cannot hold every
/// seat of an event by registering in a loop. Bff:RegistrationsPerMinute sets the limit (default 60).
/// </summary>
internal static class RegistrationRateLimit
{
    public static IServiceCollection AddRegistrationRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Bff:RegistrationsPerMinute", 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsRegistration(http.Request)
                    ? RateLimitPartition.GetSlidingWindowLimiter(CallerOf(http), _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static bool IsRegistration(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/registrations", StringComparison.OrdinalIgnoreCase);

    private static string CallerOf(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            ? authorization
            : http.Connection.RemoteIpAddress?.ToString() ?? "";
}
