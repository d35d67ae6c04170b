using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Billing.Application;
using EventPlatform.Billing.Application.Handlers;
using EventPlatform.Billing.Application.Issuing;
using EventPlatform.Billing.Application.Ports;
using EventPlatform.Billing.Infrastructure;
using EventPlatform.Billing.Infrastructure.Pdf;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Payment.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Billing.Extensions;

public static class BillingServiceExtensions
{
    /// <summary>The billing service's wiring; tests host it in-process (two of them for the numbering under concurrency).</summary>
    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext>("billingdb");
        builder.AddServiceRedis();
        builder.AddEventBus<BillingDbContext>("billing")
            .Subscribe<PaymentSucceeded, PaymentSucceededHandler>()
            .Subscribe<RefundCompleted, RefundCompletedHandler>();
        builder.AddCommandPipeline<BillingDbContext, BillingIntegrationEvents>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("GetInvoiceForRegistration", "notification", "backoffice")
            .Allow("GetDocumentPdf", "notification", "backoffice"));
        builder.Services.AddServiceGrpcClient<CatalogInternalService.CatalogInternalServiceClient>("catalog");
        builder.Services.AddServiceGrpcClient<RegistrationInternalService.RegistrationInternalServiceClient>("registration");
        builder.Services.AddScoped<IBillingSources, BillingSourcesClient>();
        builder.Services.AddScoped<IDocumentNumbers, DocumentNumbers>();
        builder.Services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        builder.Services.AddScoped<DocumentIssuing>();
        builder.Services.AddScoped<BillingQueries>();
        return builder;
    }
}
