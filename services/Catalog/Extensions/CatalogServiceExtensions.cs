using EventPlatform.Catalog.Application;
using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Application.Organizers;
using EventPlatform.Catalog.Infrastructure;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;

namespace EventPlatform.Catalog.Extensions;

internal static class CatalogServiceExtensions
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("catalogdb");
        builder.AddServiceRedis();
        builder.AddEventBus<CatalogDbContext>("catalog");
        builder.Services.AddServiceGrpcClient<RegistrationInternalService.RegistrationInternalServiceClient>("registration");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CatalogStore>();
        builder.Services.AddScoped<EventCommands>();
        builder.Services.AddScoped<EventQueries>();
        builder.Services.AddScoped<OrganizerCommands>();
        builder.Services.AddScoped<ISeatCounts, RegistrationSeatCounts>();
        return builder;
    }
}
