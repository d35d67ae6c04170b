using EventPlatform.Billing.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.Tests.Billing;

/// <summary>
/// The billing service in this process: its own wiring (AddBilling) over the test's database and Redis. Two hosts on
/// one database are two replicas.
/// </summary>
internal sealed class BillingHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BillingHost(WebApplication app) => _app = app;

    public static async Task<BillingHost> StartAsync(BillingInfrastructure infrastructure, string database, string topicPrefix)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = BillingInfrastructure.EmptyContentRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:billingdb"] = database,
            ["ConnectionStrings:redis"] = infrastructure.RedisConnectionString,
            ["Messaging:TopicPrefix"] = topicPrefix,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddBilling();
        var app = builder.Build();
        await app.StartAsync();
        return new BillingHost(app);
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
