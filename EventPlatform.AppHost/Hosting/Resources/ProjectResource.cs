using EventPlatform.AppHost.Hosting.Processes;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.AppHost.Hosting.Resources;

/// <summary>
/// One of our services, started from its build output with the environment Aspire would give it: connection
/// strings, service-discovery entries, Kestrel endpoints (gRPC over HTTP/2 cleartext, health on HTTP/1.1) and OTEL_*.
/// </summary>
public sealed class ProjectResource(string name, string projectPath) : ProcessResource(name)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Dictionary<string, ResourceEndpoint> _endpoints = [];
    private readonly List<Resource> _references = [];
    private readonly Dictionary<string, string> _environment = [];

    /// <summary>
    /// Who this process is: its health answers carry it, so a health check never mistakes another application's
    /// service on a reused port for this one.
    /// </summary>
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    /// <summary>Relative to the repository root, e.g. services/Catalog/EventPlatform.Catalog.csproj.</summary>
    public string ProjectPath { get; } = projectPath;

    public override string Kind => "Project";

    public override IEnumerable<int> Ports => _endpoints.Values.Select(e => e.Port);

    public IReadOnlyDictionary<string, ResourceEndpoint> Endpoints => _endpoints;

    public override IEnumerable<Resource> References => _references.Concat(WaitsFor).Distinct();

    public override IEnumerable<string> Urls => _endpoints.Values.OrderBy(e => e.Name == "http" ? 0 : 1).Select(e => e.Url.ToString());

    internal void AddEndpoint(ResourceEndpoint endpoint) => _endpoints[endpoint.Name] = endpoint;

    internal void AddReference(Resource resource)
    {
        if (!_references.Contains(resource))
        {
            _references.Add(resource);
        }
    }

    internal void SetEnvironment(string key, string value) => _environment[key] = value;

    internal override void AllocatePorts(HostingContext context)
    {
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Allocate(context);
        }
    }

    internal override Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var projectDirectory = Path.GetDirectoryName(Path.Combine(context.Options.RepositoryRoot, ProjectPath))!;
        var assembly = Path.Combine(projectDirectory, "bin", context.Options.Configuration, "net10.0",
            Path.GetFileNameWithoutExtension(ProjectPath) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException(
                $"{Name} is not built ({assembly} is missing). Build the solution: dotnet build -c {context.Options.Configuration}");
        }

        Launch(context, new ProcessSpec(Name, "dotnet", [assembly], projectDirectory, BuildEnvironment(context)));
        return Task.CompletedTask;
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(_endpoints["http"].Url, "health"), cancellationToken);
            return response.IsSuccessStatusCode &&
                response.Headers.TryGetValues(ServiceDefaultsExtensions.InstanceHeader, out var instance) && instance.Single() == _instanceId;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Dictionary<string, string?> BuildEnvironment(HostingContext context)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            // Inherited values would override the endpoints below with a warning.
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["HTTP_PORTS"] = null,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Identity__SigningKey"] = context.SigningKey,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={_instanceId}",
            [ServiceDefaultsExtensions.InstanceSetting.Replace(":", "__", StringComparison.Ordinal)] = _instanceId,
            // Aspire's development values: spans and logs show up within a second, not five.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "10000",
        };
        if (context.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString();
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        }

        foreach (var endpoint in _endpoints.Values)
        {
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url.ToString();
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = endpoint.Name == "grpc" ? "Http2" : "Http1";
        }

        foreach (var reference in References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString target:
                    environment[$"ConnectionStrings__{target.Name}"] = target.ConnectionString;
                    break;
                case ProjectResource project:
                    foreach (var endpoint in project.Endpoints.Values)
                    {
                        environment[$"services__{project.Name}__{endpoint.Name}__0"] = endpoint.Url.ToString();
                    }

                    break;
            }
        }

        foreach (var (key, value) in _environment)
        {
            environment[key] = value;
        }

        return environment;
    }
}
