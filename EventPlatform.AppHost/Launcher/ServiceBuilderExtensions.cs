namespace EventPlatform.AppHost.Launcher;

public static class ServiceBuilderExtensions
{
    /// <summary>
    /// One of our services: <c>AddProject</c> with its endpoints from its appsettings.json (<c>grpc</c> on HTTP/2,
    /// <c>http</c> on HTTP/1.1) served directly and in plain HTTP, <c>/health</c> as its readiness (so <c>WaitFor</c>
    /// means ready).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithDirectEndpoints()
            .WithHttpHealthCheck("/health", endpointName: "http");
#pragma warning disable ASPIRECERTIFICATES001 // No endpoint serves HTTPS: without this the dashboard warns of a missing certificate.
        return service.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
