using EventPlatform.Messaging.Handling;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Identity;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class GrpcDefaultsExtensions
{
    /// <summary>Deadline given to an outgoing unary call whose caller set none.</summary>
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(15);

    public static TBuilder AddGrpcServerDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<InternalCallGuard>();
            options.EnableDetailedErrors = false;
        });
        // A service whose domain names fields registers its own table after this one.
        builder.Services.TryAddSingleton(ContractFieldNames.None);
        // A service with internal RPCs registers who may call them after this (empty: nobody).
        builder.Services.TryAddSingleton(new InternalCallers());
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    /// <summary>
    /// A typed gRPC client for another service, found by service discovery under its "grpc" endpoint
    /// (services__{resource}__grpc__0). The HTTP resilience handler is removed because its timeouts cut off
    /// streaming calls; instead every call gets a deadline, and retries stay with callers of idempotent RPCs. Calls carry
    /// this service's client-credentials token (internal RPCs check it against their table of callers). An event handler
    /// whose call finds the other service away retries until it is back (<see cref="UnavailableService"/>).
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string resource)
        where TClient : class
    {
        services.AddServiceTokens();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransientFailure, UnavailableService>());
#pragma warning disable EXTEXP0001 // Experimental, but the only way to take the default handler off one client.
        return services
            .AddGrpcClient<TClient>(options =>
            {
                options.Address = new Uri($"http://_grpc.{resource}");
                options.InterceptorRegistrations.Add(new InterceptorRegistration(
                    InterceptorScope.Client, _ => new DefaultDeadlineInterceptor(DefaultCallDeadline)));
            })
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler<ServiceTokenHandler>();
#pragma warning restore EXTEXP0001
    }
}
