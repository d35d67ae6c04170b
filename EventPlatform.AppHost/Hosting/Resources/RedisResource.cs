using System.Net.Sockets;
using System.Text;
using EventPlatform.AppHost.Hosting.Processes;

namespace EventPlatform.AppHost.Hosting.Resources;

/// <summary>redis-server as a child, append-only file on, so seat holds and queued events survive a restart.</summary>
public sealed class RedisResource(string name, int port) : ProcessResource(name), IResourceWithConnectionString
{
    public ResourceEndpoint Endpoint { get; } = new("tcp", port, "tcp");

    public override string Kind => "Redis";

    public override IEnumerable<int> Ports => [Endpoint.Port];

    public override IEnumerable<string> Urls => [$"127.0.0.1:{Endpoint.Port}"];

    public string ConnectionString => $"127.0.0.1:{Endpoint.Port}";

    internal override void AllocatePorts(HostingContext context) => Endpoint.Allocate(context);

    internal override async Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var server = await context.Prerequisites.LocateAsync(Prerequisite.OnPath("redis-server", "redis-server"), cancellationToken);
        var dataDirectory = context.DataDirectoryOf(Name);
        Directory.CreateDirectory(dataDirectory);
        Launch(context, new ProcessSpec(Name, server,
        [
            "--port", Endpoint.Port.ToString(), "--bind", "127.0.0.1", "--dir", dataDirectory,
            "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
        ], dataDirectory, new Dictionary<string, string?>()));
    }

    internal override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Endpoint.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            // "-LOADING" while the append-only file is replayed: up, but not ready.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
