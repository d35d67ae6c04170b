using EventPlatform.Bff.Forwarding;
using EventPlatform.Messaging.Watching;
using CatalogEvents = EventPlatform.Contracts.Catalog.V1.EventsReflection;
using ProgramEvents = EventPlatform.Contracts.Program.V1.EventsReflection;

namespace EventPlatform.Bff.Caching;

internal static class PublicReadCache
{
    /// <summary>
    /// The edge's cache of public reads (event page, listing, program, availability): responses in memory on each
    /// replica, dropped by the catalog and program events that change them, with HTTP validators for browsers; behind
    /// availability's, its data, renewed while it is served (<see cref="AvailabilityCache"/>).
    /// </summary>
    public static WebApplicationBuilder AddPublicReadCache(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutputCache(options => options.AddBasePolicy(new PublicReadCachePolicy()));
        builder.Services.AddSingleton<PublicReadDrops>();
        builder.Services.AddSingleton<AvailabilityCache>();
        builder.Services.AddGrpc().AddServiceOptions<RegistrationServiceForwarder>(
            options => options.Interceptors.Add<AvailabilityInterceptor>());
        builder.AddEventWatch<PublicReadInvalidation>("bff", CatalogEvents.Descriptor, ProgramEvents.Descriptor);
        return builder;
    }

    public static WebApplication UsePublicReadCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseMiddleware<PublicReadHeaders>();
        return app;
    }
}
