using EventPlatform.Bff.Forwarding;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Bff.Extensions;

internal static class BffExtensions
{
    /// <summary>Public APIs as JSON through gRPC-JSON transcoding; internal RPCs of the services are never mapped here.</summary>
    public static WebApplicationBuilder AddBff(this WebApplicationBuilder builder)
    {
        // Error details (field violations, broken rule names) come through in the JSON body of a 400/404/409.
        builder.Services.AddGrpc().AddJsonTranscoding(options => options.TypeRegistry = ErrorMappingInterceptor.DetailTypes);
        builder.Services.AddServiceGrpcClient<CatalogService.CatalogServiceClient>("catalog");
        builder.Services.AddServiceGrpcClient<Contracts.Program.V1.ProgramService.ProgramServiceClient>("program");
        builder.Services.AddServiceGrpcClient<Contracts.Registration.V1.RegistrationService.RegistrationServiceClient>("registration");
        return builder;
    }

    public static WebApplication MapBff(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGrpcService<CatalogForwarder>();
        app.MapGrpcService<ProgramForwarder>();
        app.MapGrpcService<RegistrationForwarder>();
        return app;
    }
}
