using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Application.Organizers;
using EventPlatform.Catalog.Grpc;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;
using EventPlatform.Catalog.Application.Ports;

namespace EventPlatform.Catalog.Extensions;

internal static class CatalogServiceExtensions
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("catalogdb");
        builder.AddServiceRedis();
        builder.AddEventBus<CatalogDbContext>("catalog");
        builder.AddCommandPipeline<CatalogDbContext, CatalogIntegrationEvents>();
        builder.Services.AddSingleton(CatalogFields.Names);
        // Who may call this service's internal RPCs (PERMISSION_DENIED for anyone else).
        builder.Services.AddSingleton(new InternalCallers()
            .Allow("BatchGetEvents", "billing", "program", "registration")
            .Allow("GetOrganizerForBilling", "billing"));
        builder.Services.AddServiceGrpcClient<RegistrationInternalService.RegistrationInternalServiceClient>("registration");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<EventCommands>();
        builder.Services.AddScoped<EventQueries>();
        builder.Services.AddScoped<OrganizerCommands>();
        builder.Services.AddScoped<OrganizerQueries>();
        builder.Services.AddScoped<ISeatCounts, RegistrationSeatCounts>();
        return builder;
    }
}
