using EventPlatform.Analytics.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Tests.Analytics;

/// <summary>The analytics service in this process over a database of its own, on the running system's PostgreSQL and Redis.</summary>
internal sealed class AnalyticsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AnalyticsHost(WebApplication app) => _app = app;

    public static async Task<AnalyticsHost> StartAsync(TestPlatform platform)
    {
        var database = await platform.CreateDatabaseAsync("analytics_replay");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Directory.CreateTempSubdirectory().FullName });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:analyticsdb"] = database,
            ["ConnectionStrings:redis"] = platform.GetConnectionString("redis"),
            ["Messaging:TopicPrefix"] = $"analytics-replay-{Guid.NewGuid():N}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddAnalytics();
        var app = builder.Build();
        await app.StartAsync();
        return new AnalyticsHost(app);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
