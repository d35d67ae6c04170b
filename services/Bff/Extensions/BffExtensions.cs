using EventPlatform.Bff.Forwarding;
using EventPlatform.Bff.Payments;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Bff.Extensions;

internal static class BffExtensions
{
    /// <summary>
    /// Every public API as JSON through gRPC-JSON transcoding, by forwarders generated from the contracts (one per
    /// public service); internal RPCs of the services are never mapped here.
    /// </summary>
    public static WebApplicationBuilder AddBff(this WebApplicationBuilder builder)
    {
        // Error details (field violations, broken rule names) come through in the JSON body of a 400/404/409.
        builder.Services.AddGrpc().AddJsonTranscoding(options => options.TypeRegistry = ErrorMappingInterceptor.DetailTypes);
        Forwarders.AddForwarderClients(builder.Services);
        builder.Services.AddPaymentPages();
        return builder;
    }

    public static WebApplication MapBff(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        Forwarders.MapForwarders(app);
        app.MapPaymentPages();
        return app;
    }
}
