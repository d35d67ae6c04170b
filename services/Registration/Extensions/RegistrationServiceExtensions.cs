using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Payment.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Messaging;
using EventPlatform.Registrations.Application;
using EventPlatform.Registrations.Application.Catalog;
using EventPlatform.Registrations.Application.Payments;
using EventPlatform.Registrations.Application.Registering;
using EventPlatform.Registrations.Application.Ports;
using EventPlatform.Registrations.Application.Seats;
using EventPlatform.Registrations.Application.Sessions;
using EventPlatform.Registrations.Grpc;
using EventPlatform.Registrations.Infrastructure;
using EventPlatform.Registrations.Infrastructure.Seats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Registrations.Extensions;

public static class RegistrationServiceExtensions
{
    /// <summary>The registration service's wiring; tests host it in-process with a TimeProvider of their own.</summary>
    public static IHostApplicationBuilder AddRegistration(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RegistrationDbContext>("registrationdb");
        builder.AddServiceRedis();
        builder.AddEventBus<RegistrationDbContext>("registration")
            .Subscribe<EventPublished, ProjectCapacityPolicy>()
            .Subscribe<EventUpdated, ProjectCapacityPolicy>()
            .Subscribe<RegistrationsClosed, ProjectCapacityPolicy>()
            .Subscribe<EventCancelled, ProjectCapacityPolicy>()
            .Subscribe<PaymentSucceeded, PaymentEventHandlers>()
            .Subscribe<PaymentFailed, PaymentEventHandlers>()
            .Subscribe<RefundCompleted, PaymentEventHandlers>();
        builder.AddCommandPipeline<RegistrationDbContext, RegistrationIntegrationEvents>();
        builder.Services.AddSingleton(RegistrationFields.Names);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("GetRegistration", "billing", "notification", "backoffice")
            .Allow("BatchGetRegistrations", "billing", "notification", "analytics", "backoffice")
            .Allow("ListConfirmedAttendees", "notification", "analytics")
            .Allow("GetSeatCounts", "catalog", "analytics", "backoffice"));
        builder.Services.AddServiceGrpcClient<CatalogInternalService.CatalogInternalServiceClient>("catalog");
        builder.Services.AddServiceGrpcClient<ProgramInternalService.ProgramInternalServiceClient>("program");
        builder.Services.AddServiceGrpcClient<PaymentInternalService.PaymentInternalServiceClient>("payment");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<RegistrationOptions>(builder.Configuration.GetSection("Registration"));
        builder.Services.AddSingleton<ISeatGate, RedisSeatGate>();
        builder.Services.AddScoped<ISeatLedger, SeatLedger>();
        builder.Services.AddScoped<SeatAllocator>();
        builder.Services.AddScoped<ISessionSeatLedger, SessionSeatLedger>();
        builder.Services.AddScoped<IProgramSessions, ProgramSessionsClient>();
        builder.Services.AddScoped<SessionChoices>();
        builder.Services.AddScoped<ICatalogEvents, CatalogEventsClient>();
        builder.Services.AddScoped<Policies>();
        builder.Services.AddScoped<Waitlist>();
        builder.Services.AddScoped<WaitlistPositions>();
        builder.Services.AddSingleton<RegistrationAccess>();
        builder.Services.AddScoped<RegistrationCommands>();
        builder.Services.AddScoped<RegistrationGroup>();
        builder.Services.AddSingleton<RegistrationQueues>();
        builder.Services.AddSingleton<RegistrationAdmission>();
        builder.Services.AddScoped<RegistrationQueries>();
        builder.Services.AddScoped<HoldExpiry>();
        builder.Services.AddScoped<IPayments, PaymentsClient>();
        builder.Services.AddScoped<PaymentOpener>();
        builder.Services.AddHostedService<PaymentOpeningService>();
        builder.Services.AddScoped<SeatReconciliation>();
        builder.Services.AddHostedService<HoldExpiryService>();
        builder.Services.AddHostedService<SeatReconciliationService>();
        return builder;
    }
}
