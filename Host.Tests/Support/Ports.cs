using System.Net;
using System.Net.Sockets;

namespace WorkflowEngine.Testing;

/// <summary>Loopback ports for the servers tests start (nodes, nginx, PostgreSQL). Shared by the test projects.</summary>
public static class Ports
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
