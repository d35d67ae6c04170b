using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// Every endpoint is served without Aspire's proxy, on 127.0.0.1: each process listens on the port a developer sees
/// in README's table, so a service stopped in the dashboard can be run from an IDE on the same port, and no proxy hop
/// costs CPU between a service and its database. Under Aspire.Hosting.Testing (<c>DcpPublisher:RandomizePorts</c>)
/// each endpoint gets a free port instead, so tests run beside a running AppHost and beside each other.
/// </summary>
public static class LocalPorts
{
    public const string Host = "127.0.0.1";

    // Several applications may be built in one test process: a port is never handed out twice.
    private static readonly HashSet<int> Given = [];

    /// <summary>A new endpoint on its own port.</summary>
    public static IResourceBuilder<T> WithLocalEndpoint<T>(this IResourceBuilder<T> builder, string name, int port, string scheme)
        where T : IResourceWithEndpoints
    {
        var chosen = Choose(builder.ApplicationBuilder, port);
        return builder.WithEndpoint(name, endpoint =>
        {
            endpoint.UriScheme = scheme;
            endpoint.Port = chosen;
            endpoint.TargetPort = chosen;
            endpoint.TargetHost = Host;
            endpoint.IsProxied = false;
        });
    }

    /// <summary>The project's endpoints (declared in its appsettings.json Kestrel section) served directly.</summary>
    public static IResourceBuilder<ProjectResource> WithDirectEndpoints(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var endpoint in project.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            var chosen = Choose(project.ApplicationBuilder, endpoint.Port ?? 0);
            endpoint.Port = chosen;
            endpoint.TargetPort = chosen;
            endpoint.IsProxied = false;
        }

        return project;
    }

    private static int Choose(IDistributedApplicationBuilder builder, int declared)
    {
        if (declared != 0 && !builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts"))
        {
            return declared;
        }

        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(BelowEphemeral.From, BelowEphemeral.To);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }
    }

    /// <summary>
    /// Ports are picked below the kernel's ephemeral range: a port from that range, free while its resource restarts,
    /// may be taken in the meantime by any outgoing connection, and the resource would not start again on it.
    /// </summary>
    private static (int From, int To) BelowEphemeral { get; } = ReadBelowEphemeral();

    private static (int From, int To) ReadBelowEphemeral()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var lowest = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var first)
            ? first
            : 49152;
        return (Math.Max(1024, lowest - 12000), lowest);
    }

    /// <summary>Whether a listener can take the port on loopback now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
