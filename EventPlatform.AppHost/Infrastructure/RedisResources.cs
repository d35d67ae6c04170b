using EventPlatform.AppHost.Launcher;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.AppHost.Infrastructure;

/// <summary>redis-server from the machine, append-only file on, so seat holds and queued events survive a restart.</summary>
public sealed class RedisResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory: dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>host:port, the shape of Aspire's Redis integration.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}

public static class RedisBuilderExtensions
{
    /// <summary>
    /// On a machine with a container engine, this line becomes <c>builder.AddRedis(name, port: port)</c>
    /// (Aspire.Hosting.Redis) and nothing else changes.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, int port)
    {
        var command = new Prerequisites().Locate(Prerequisite.OnPath("redis-server", "redis-server"));
        var directory = LocalData.Of(builder).For(name);
        Directory.CreateDirectory(directory);
        var redis = new RedisResource(name, command, directory);

        var healthCheck = $"{name}_check";
        string? connectionString = null;
        // Answers PING only once the append-only file is replayed ("-LOADING" until then).
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"{name} has no address yet."), name: healthCheck);

        return builder.AddResource(redis)
            .WithLocalEndpoint(RedisResource.EndpointName, port, "tcp")
            .WithIconName("Memory")
            .WithHealthCheck(healthCheck)
            .WithArgs(context =>
            {
                var endpoint = redis.Annotations.OfType<EndpointAnnotation>().Single();
                foreach (var argument in new[]
                {
                    "--port", endpoint.TargetPort!.Value.ToString(), "--bind", LocalPorts.Host, "--dir", directory,
                    "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
                })
                {
                    context.Args.Add(argument);
                }
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }
}
