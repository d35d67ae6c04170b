using System.Net;
using System.Net.Sockets;

namespace EventPlatform.Tests.Messaging;

/// <summary>A Redis address where nothing listens: the transport as seen during an outage.</summary>
internal static class UnreachableRedis
{
    public static string Address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port},connectTimeout=500";
    }
}
