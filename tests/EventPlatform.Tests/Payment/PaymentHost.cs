using EventPlatform.Payment.Application;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Domain.Payments;
using EventPlatform.Payment.Extensions;
using EventPlatform.Payment.Http;
using EventPlatform.Payment.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EventPlatform.Tests.Payment;

/// <summary>
/// The payment service in this process: its own wiring (AddPayment) and webhook endpoint over a database of the
/// test's, Redis, and the Stripe sandbox as the provider.
/// </summary>
internal sealed class PaymentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PaymentHost(WebApplication app, string database)
    {
        _app = app;
        Database = database;
    }

    public string Database { get; }

    public Uri WebhookUrl => new(new Uri(_app.Urls.First()), ProviderWebhookEndpoint.Path);

    public static async Task<PaymentHost> StartAsync(PaymentInfrastructure infrastructure, string purpose)
    {
        var database = await infrastructure.CreateDatabaseAsync(purpose);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = PaymentInfrastructure.EmptyContentRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:paymentdb"] = database,
            ["ConnectionStrings:redis"] = infrastructure.RedisConnectionString,
            ["Messaging:TopicPrefix"] = $"payment-tests-{Guid.NewGuid():N}",
            ["Stripe:ApiBase"] = infrastructure.SandboxUrl,
            ["Stripe:ApiKey"] = PaymentInfrastructure.ApiKey,
            ["Stripe:WebhookSecret"] = PaymentInfrastructure.WebhookSecret,
            ["Stripe:RetryDelay"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPayment();
        var app = builder.Build();
        app.MapProviderWebhooks();
        await app.StartAsync();
        return new PaymentHost(app, database);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A Pending registration's payment, opened as registration opens it and prepared as the attendee's checkout does.</summary>
    public async Task<PaymentIntent> PreparedIntentAsync(string attendee = "ada", long amountMinor = 5000)
    {
        var registrationId = Guid.CreateVersion7();
        await InScopeAsync(s => s.GetRequiredService<PaymentIntentCommands>().OpenAsync(
            new OpenPaymentIntentCommand(
                registrationId, Guid.NewGuid(), "organizer-1", attendee, $"{attendee}@example.org", Money.Of(amountMinor, "EUR"),
                "Registration: Payment tests", DateTimeOffset.UtcNow.AddMinutes(15)),
            CancellationToken.None));
        return await InScopeAsync(s => s.GetRequiredService<PaymentIntentCommands>().PrepareAsync(
            PaymentIntentId.OfRegistration(registrationId), new Caller(attendee, IsAdmin: false), CancellationToken.None));
    }

    public Task<PaymentIntent> IntentAsync(PaymentIntentId id) =>
        InScopeAsync(s => s.GetRequiredService<PaymentDbContext>().PaymentIntents.AsNoTracking().Include(i => i.Charges)
            .SingleAsync(i => i.Id == id));

    /// <summary>How many integration events of this type the outbox holds for a registration.</summary>
    public async Task<long> OutboxCountAsync(string type, Guid registrationId)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE type = @type AND subject = @subject", connection);
        count.Parameters.AddWithValue("type", type);
        count.Parameters.AddWithValue("subject", registrationId.ToString());
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task<long> ProviderEventCountAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM provider_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
