using System.Net;
using System.Net.Sockets;

namespace EventPlatform.AppHost.Hosting;

internal static class Ports
{
    /// <summary>A port the OS considers free right now (for tests, which must not collide with a running AppHost).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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
