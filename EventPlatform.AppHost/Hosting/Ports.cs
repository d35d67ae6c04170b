using System.Net;
using System.Net.Sockets;

namespace EventPlatform.AppHost.Hosting;

internal static class Ports
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port the OS considers free right now (for tests, which must not collide with a running AppHost), never the
    /// same twice in this process: applications started side by side by one test run must not share one.
    /// </summary>
    public static int Free()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
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
