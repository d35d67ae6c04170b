using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.ServiceDefaults.Hosting;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Messaging;
using EventPlatform.Payment.Application;
using EventPlatform.Payment.Application.Handlers;
using EventPlatform.Payment.Application.Payments;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Application.Refunds;
using EventPlatform.Payment.Application.Webhooks;
using EventPlatform.Payment.Grpc;
using EventPlatform.Payment.Infrastructure;
using EventPlatform.Payment.Infrastructure.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Stripe;
using RegistrationCancelled = EventPlatform.Contracts.Registration.V1.RegistrationCancelled;

namespace EventPlatform.Payment.Extensions;

public static class PaymentServiceExtensions
{
    /// <summary>The payment service's wiring; tests host it in-process with a TimeProvider and a Stripe stand-in of their own.</summary>
    public static IHostApplicationBuilder AddPayment(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>("paymentdb");
        builder.AddServiceRedis();
        builder.AddEventBus<PaymentDbContext>("payment")
            .Subscribe<EventPublished, CatalogEventHandlers>()
            .Subscribe<EventUpdated, CatalogEventHandlers>()
            .Subscribe<EventCancelled, CatalogEventHandlers>()
            .Subscribe<RegistrationCancelled, RegistrationCancelledHandler>();
        builder.AddCommandPipeline<PaymentDbContext, PaymentIntegrationEvents>();
        builder.Services.AddSingleton(PaymentFields.Names);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("OpenPaymentIntent", "registration")
            .Allow("GetPaymentIntent", "registration", "backoffice")
            .Allow("GetPaymentIntentOfRegistration", "registration", "backoffice")
            .Allow("CancelPaymentIntent", "registration")
            .Allow("RefundPayment", "registration"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<PaymentOptions>(builder.Configuration.GetSection("Payment"));
        builder.AddStripePaymentProvider();
        builder.Services.AddSingleton<WorkSignal<ProviderWork>>();
        builder.Services.AddScoped<PaymentIntentCommands>();
        builder.Services.AddScoped<RefundCommands>();
        builder.Services.AddScoped<PaymentQueries>();
        builder.Services.AddScoped<ProviderEvents>();
        builder.Services.AddScoped<ProviderWork>();
        builder.Services.AddScoped<PaymentReconciliation>();
        builder.Services.AddHostedService<ProviderWorkService>();
        builder.Services.AddHostedService<PaymentReconciliationService>();
        return builder;
    }

    /// <summary>
    /// Stripe.net over an HttpClient of our own: its resilience handler does the retrying (Stripe.net's own retries are
    /// off, so the two do not multiply), and the API base comes from configuration (the sandbox locally).
    /// </summary>
    public static void AddStripePaymentProvider(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
            .Validate(o => o.ApiKey.Length > 0, "Stripe:ApiKey is required (the AppHost passes the sandbox's).")
            .Validate(o => o.WebhookSecret.Length > 0, "Stripe:WebhookSecret is required (the AppHost passes the sandbox's).")
            .Validate(o => Uri.TryCreate(o.ApiBase, UriKind.Absolute, out _), "Stripe:ApiBase must be an absolute URL.")
            .ValidateOnStart();
        var stripe = builder.Configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions();
#pragma warning disable EXTEXP0001 // Experimental, but the only way to replace the default handler on one client.
        builder.Services.AddHttpClient("stripe")
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = Math.Max(1, stripe.MaxRetries);
                o.Retry.Delay = stripe.RetryDelay;
                o.Retry.UseJitter = true;
                o.AttemptTimeout.Timeout = stripe.AttemptTimeout;
                o.TotalRequestTimeout.Timeout = stripe.AttemptTimeout * (stripe.MaxRetries + 2);
                o.CircuitBreaker.SamplingDuration = stripe.AttemptTimeout * 2;
            });
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("stripe");
            return new StripeClient(options.ApiKey, httpClient: new SystemNetHttpClient(http, maxNetworkRetries: 0), apiBase: options.ApiBase.TrimEnd('/'));
        });
        builder.Services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        builder.Services.AddSingleton<IProviderWebhooks, StripeWebhooks>();
    }
}
