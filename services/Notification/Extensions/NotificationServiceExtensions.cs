using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Contracts.Billing.V1;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;
using EventPlatform.Notification.Application;
using EventPlatform.Notification.Application.Handlers;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Application.Sending;
using EventPlatform.Notification.Application.Templates;
using EventPlatform.Notification.Grpc;
using EventPlatform.Notification.Infrastructure;
using EventPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Notification.Extensions;

public static class NotificationServiceExtensions
{
    /// <summary>The notification service's wiring; tests host it in-process with a TimeProvider of their own.</summary>
    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>("notificationdb");
        builder.AddServiceRedis();
        builder.AddEventBus<NotificationDbContext>("notification")
            .Subscribe<EventPublished, CatalogEventHandlers>()
            .Subscribe<EventUpdated, CatalogEventHandlers>()
            .Subscribe<EventCancelled, CatalogEventHandlers>()
            .Subscribe<RegistrationsClosed, CatalogEventHandlers>()
            .Subscribe<RegistrationRequested, RegistrationEventHandlers>()
            .Subscribe<RegistrationApproved, RegistrationEventHandlers>()
            .Subscribe<RegistrationRejected, RegistrationEventHandlers>()
            .Subscribe<RegistrationConfirmed, RegistrationEventHandlers>()
            .Subscribe<Waitlisted, RegistrationEventHandlers>()
            .Subscribe<PromotedFromWaitlist, RegistrationEventHandlers>()
            .Subscribe<RegistrationCancelled, RegistrationEventHandlers>()
            .Subscribe<RegistrationExpired, RegistrationEventHandlers>()
            .Subscribe<InvoiceIssued, BillingEventHandlers>()
            .Subscribe<CreditNoteIssued, BillingEventHandlers>()
            .Subscribe<ProgramChanged, ProgramChangedHandler>();
        builder.AddCommandPipeline<NotificationDbContext, NotificationIntegrationEvents>();
        builder.Services.AddSingleton(NotificationFields.Names);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("GetDelivery", "backoffice")
            .Allow("RetryDelivery", "backoffice"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notification"));
        builder.AddSmtp();
        builder.Services.AddServiceGrpcClient<BillingInternalService.BillingInternalServiceClient>("billing");
        builder.Services.AddServiceGrpcClient<RegistrationInternalService.RegistrationInternalServiceClient>("registration");
        builder.Services.AddSingleton<ITemplateEngine, FluidTemplateEngine>();
        builder.Services.AddSingleton<IMailSender, MailKitSender>();
        builder.Services.AddScoped<IBillingDocuments, BillingDocumentsClient>();
        builder.Services.AddScoped<IAttendees, AttendeesClient>();
        builder.Services.AddSingleton<WorkSignal<DeliveryWork>>();
        builder.Services.AddScoped<MessageComposer>();
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddScoped<DeliveryWork>();
        builder.Services.AddScoped<DeliveryAttempt>();
        builder.Services.AddScoped<EventMessagePlanning>();
        builder.Services.AddScoped<ReminderPlanning>();
        builder.Services.AddScoped<TemplateCommands>();
        builder.Services.AddScoped<NotificationCommands>();
        builder.Services.AddScoped<NotificationQueries>();
        builder.Services.AddHostedService<TemplateSeeding>();
        builder.Services.AddHostedService<DeliveryWorkService>();
        builder.Services.AddHostedService<ReminderService>();
        return builder;
    }
}
