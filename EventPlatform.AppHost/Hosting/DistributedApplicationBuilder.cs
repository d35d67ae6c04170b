using EventPlatform.AppHost.Hosting.Resources;
using EventPlatform.AppHost.Telemetry;

namespace EventPlatform.AppHost.Hosting;

public interface IResourceBuilder<out T> where T : Resource
{
    DistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }
}

internal sealed record ResourceBuilder<T>(DistributedApplicationBuilder ApplicationBuilder, T Resource) : IResourceBuilder<T>
    where T : Resource;

/// <summary>Declares the resources of the system, as Aspire's IDistributedApplicationBuilder does.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        Telemetry = Add(new TelemetryReceiverResource("telemetry", otlpPort: 4317, apiPort: 18888)).Resource;
    }

    public DistributedApplicationOptions Options { get; }

    public TelemetryReceiverResource Telemetry { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<PostgresServerResource> AddPostgres(string name, int port) => Add(new PostgresServerResource(name, port));

    public IResourceBuilder<RedisResource> AddRedis(string name, int port) => Add(new RedisResource(name, port));

    public IResourceBuilder<MailDevResource> AddMailDev(string name, int smtpPort, int webPort) =>
        Add(new MailDevResource(name, smtpPort, webPort));

    /// <summary>A service project, by its path from the repository root.</summary>
    public IResourceBuilder<ProjectResource> AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    public DistributedApplication Build() => new(Options, Select());

    internal IResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is declared twice.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <summary>With --only, the named resources and everything they reference, in declaration order.</summary>
    private List<Resource> Select()
    {
        if (Options.Only is null)
        {
            return [.. _resources];
        }

        var unknown = Options.Only.Where(n => _resources.All(r => !string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown resource(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", _resources)}.");
        }

        var kept = new HashSet<Resource> { Telemetry };
        var pending = new Stack<Resource>(_resources.Where(r => Options.Only.Contains(r.Name)));
        while (pending.TryPop(out var resource))
        {
            if (kept.Add(resource))
            {
                foreach (var reference in resource.References)
                {
                    pending.Push(reference);
                }
            }
        }

        return _resources.Where(kept.Contains).ToList();
    }
}

/// <summary>The fluent declarations of Program.cs.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = server.ApplicationBuilder.Add(server.Resource.AddDatabase(name));
        database.Resource.AddWaitFor(server.Resource);
        return database;
    }

    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        builder.Resource.AddWaitFor(dependency.Resource);
        return builder;
    }

    /// <summary>gRPC endpoint (HTTP/2 cleartext), named "grpc" as service discovery expects.</summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.AddEndpoint(new ResourceEndpoint("grpc", port));
        return builder;
    }

    /// <summary>HTTP/1.1 endpoint for health, metrics and JSON, named "http".</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int port)
    {
        builder.Resource.AddEndpoint(new ResourceEndpoint("http", port));
        return builder;
    }

    /// <summary>ConnectionStrings__{name} of a database, Redis or the mail sink.</summary>
    public static IResourceBuilder<ProjectResource> WithReference<T>(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<T> target)
        where T : Resource, IResourceWithConnectionString
    {
        builder.Resource.AddReference(target.Resource);
        return builder;
    }

    /// <summary>services__{name}__{endpoint}__0 of another service, for service discovery.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> service)
    {
        builder.Resource.AddReference(service.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string key, string value)
    {
        builder.Resource.SetEnvironment(key, value);
        return builder;
    }
}
