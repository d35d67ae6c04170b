using Microsoft.Extensions.Options;

namespace EventPlatform.StripeSandbox;

/// <summary>The sandbox as an application: run on its own (Program) or in a test's process.</summary>
public static class SandboxApp
{
    public static WebApplication Create(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection("Sandbox"));
        builder.Services.AddSingleton<SandboxStore>();
        builder.Services.AddHttpClient("webhooks", (services, http) => http.Timeout = services.GetRequiredService<IOptions<SandboxOptions>>().Value.WebhookTimeout);
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookSender>());

        var app = builder.Build();
        app.MapStripeApi();
        app.MapGet("/health", () => "Healthy");
        return app;
    }
}
