using EventPlatform.Messaging.Handling;
using EventPlatform.Notification.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Tests.Notification;

/// <summary>
/// A real PostgreSQL, Redis and the mail sink, started once through the AppHost's testing entry point; each test hosts
/// the notification service in this process over a database of its own.
/// </summary>
public sealed class NotificationInfrastructure : IAsyncLifetime
{
    public TestPlatform App { get; private set; } = null!;

    public static string EmptyContentRoot { get; } = Directory.CreateTempSubdirectory("eventplatform-notification-").FullName;

    internal MailSink Mail => new(App.GetEndpoint("mail", "http"));

    public async Task InitializeAsync() => App = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis", "mail"] });

    public Task<string> CreateDatabaseAsync(string purpose) => App.CreateDatabaseAsync($"notification_{purpose}");

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationInfrastructure>
{
    public const string Name = "Notification";
}

/// <summary>The notification service in this process: its own wiring (AddNotification), optionally on a clock of the test's.</summary>
internal sealed class NotificationHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationHost(WebApplication app) => _app = app;

    public static async Task<NotificationHost> StartAsync(NotificationInfrastructure infrastructure, string purpose, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = NotificationInfrastructure.EmptyContentRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notificationdb"] = await infrastructure.CreateDatabaseAsync(purpose),
            ["ConnectionStrings:redis"] = infrastructure.App.GetConnectionString("redis"),
            ["ConnectionStrings:mail"] = infrastructure.App.GetConnectionString("mail"),
            ["Messaging:TopicPrefix"] = $"notification-tests-{Guid.NewGuid():N}",
            ["Notification:SendInterval"] = "00:00:01",
            ["Notification:FirstRetryDelay"] = "00:00:01",
            ["Notification:LongestRetryDelay"] = "00:00:03",
            ["Notification:MaxAttempts"] = "100",
            ["Notification:ReminderInterval"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddNotification();
        var app = builder.Build();
        await app.StartAsync();
        return new NotificationHost(app);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) => InScopeAsync(async s =>
    {
        await work(s);
        return true;
    });

    /// <summary>Hands an integration event to its handler as the bus would, under the given message id.</summary>
    public Task DeliverAsync<THandler, T>(T message, string messageId)
        where THandler : IIntegrationEventHandler<T>
        where T : class, Google.Protobuf.IMessage<T> =>
        InScopeAsync(s => s.GetRequiredService<THandler>().HandleAsync(message, new IntegrationEventContext
        {
            MessageId = messageId,
            Source = "tests",
            Type = message.Descriptor.FullName,
            Time = DateTimeOffset.UtcNow,
            OrderingKey = "tests",
            Topic = "tests",
            DeliveryAttempt = 1,
        }, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
