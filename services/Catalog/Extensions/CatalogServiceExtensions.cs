using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Infrastructure;

namespace EventPlatform.Catalog.Extensions;

internal static class CatalogServiceExtensions
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>("catalogdb");
        builder.AddServiceRedis();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CreateEventHandler>();
        builder.Services.AddScoped<EventQueries>();
        return builder;
    }
}
