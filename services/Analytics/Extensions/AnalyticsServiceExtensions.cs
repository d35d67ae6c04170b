using EventPlatform.Analytics.Application;
using EventPlatform.Analytics.Infrastructure;
using EventPlatform.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Catalog = EventPlatform.Contracts.Catalog.V1;
using Billing = EventPlatform.Contracts.Billing.V1;
using Payment = EventPlatform.Contracts.Payment.V1;
using Registration = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Analytics.Extensions;

public static class AnalyticsServiceExtensions
{
    /// <summary>The analytics service's wiring; tests host it in-process to replay events in any order.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDbContext>("analyticsdb");
        builder.AddServiceRedis();
        builder.AddEventBus<AnalyticsDbContext>("analytics")
            .Subscribe<Catalog.EventPublished, ProjectingHandler<Catalog.EventPublished>>()
            .Subscribe<Catalog.EventUpdated, ProjectingHandler<Catalog.EventUpdated>>()
            .Subscribe<Catalog.RegistrationsClosed, ProjectingHandler<Catalog.RegistrationsClosed>>()
            .Subscribe<Catalog.EventCancelled, ProjectingHandler<Catalog.EventCancelled>>()
            .Subscribe<Registration.RegistrationRequested, ProjectingHandler<Registration.RegistrationRequested>>()
            .Subscribe<Registration.RegistrationApproved, ProjectingHandler<Registration.RegistrationApproved>>()
            .Subscribe<Registration.RegistrationRejected, ProjectingHandler<Registration.RegistrationRejected>>()
            .Subscribe<Registration.RegistrationConfirmed, ProjectingHandler<Registration.RegistrationConfirmed>>()
            .Subscribe<Registration.Waitlisted, ProjectingHandler<Registration.Waitlisted>>()
            .Subscribe<Registration.PromotedFromWaitlist, ProjectingHandler<Registration.PromotedFromWaitlist>>()
            .Subscribe<Registration.RegistrationCancelled, ProjectingHandler<Registration.RegistrationCancelled>>()
            .Subscribe<Registration.RegistrationExpired, ProjectingHandler<Registration.RegistrationExpired>>()
            .Subscribe<Payment.PaymentSucceeded, ProjectingHandler<Payment.PaymentSucceeded>>()
            .Subscribe<Payment.PaymentFailed, ProjectingHandler<Payment.PaymentFailed>>()
            .Subscribe<Payment.RefundCompleted, ProjectingHandler<Payment.RefundCompleted>>()
            .Subscribe<Billing.InvoiceIssued, ProjectingHandler<Billing.InvoiceIssued>>()
            .Subscribe<Billing.CreditNoteIssued, ProjectingHandler<Billing.CreditNoteIssued>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Projector>();
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddScoped<StatisticsRebuild>();
        return builder;
    }
}
