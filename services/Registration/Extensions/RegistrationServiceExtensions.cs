using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Messaging;
using EventPlatform.Registration.Application.Sessions;
using EventPlatform.Registration.Application;
using EventPlatform.Registration.Application.Catalog;
using EventPlatform.Registration.Infrastructure;
using EventPlatform.Registration.Infrastructure.Seats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventPlatform.Registration.Extensions;

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
            .Subscribe<EventCancelled, ProjectCapacityPolicy>();
        builder.Services.AddServiceGrpcClient<CatalogInternalService.CatalogInternalServiceClient>("catalog");
        builder.Services.AddServiceGrpcClient<ProgramInternalService.ProgramInternalServiceClient>("program");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.Configure<RegistrationSweepOptions>(builder.Configuration.GetSection("Registration"));
        builder.Services.AddSingleton<RedisSeatGate>();
        builder.Services.AddScoped<SeatLedger>();
        builder.Services.AddScoped<SeatAllocator>();
        builder.Services.AddScoped<SessionSeatLedger>();
        builder.Services.AddScoped<IProgramSessions, ProgramSessionsClient>();
        builder.Services.AddScoped<SessionChoices>();
        builder.Services.AddScoped<ICatalogEvents, CatalogEventsClient>();
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddScoped<Policies>();
        builder.Services.AddScoped<Waitlist>();
        builder.Services.AddScoped<RegistrationEvents>();
        builder.Services.AddSingleton<RegistrationAccess>();
        builder.Services.AddScoped<RegistrationCommands>();
        builder.Services.AddScoped<RegistrationQueries>();
        builder.Services.AddScoped<HoldExpiry>();
        builder.Services.AddScoped<SeatReconciliation>();
        builder.Services.AddHostedService<HoldExpiryService>();
        builder.Services.AddHostedService<SeatReconciliationService>();
        return builder;
    }
}
