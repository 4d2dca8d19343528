using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// A real nginx on a free loopback port in front of several nodes (round robin, no stickiness, no buffering so that
/// Server-Sent Events pass through), answering with the node it used in <c>X-Upstream</c>. Skips the test when
/// nginx is not installed (fails it with WORKFLOW_REQUIRE_ALL_TESTS=1).
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly string _nginx;

    private NginxProxy(Process process, string nginx, string folder, int port)
    {
        _process = process;
        _nginx = nginx;
        _folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxProxy> StartAsync(params Uri[] upstreams)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists)
            ?? Prerequisite.Require("/usr/sbin/nginx", "the two-node tests put nginx in front of the nodes.", "apt-get install -y nginx");
        var folder = Path.Combine(Path.GetTempPath(), "workflow-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = Ports.Free();
        var servers = string.Join("\n", upstreams.Select(u => $"    server {u.Host}:{u.Port} max_fails=1 fail_timeout=2s;"));
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream nodes {
            {{servers}}
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://nodes;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_buffering off;
                  proxy_read_timeout 3600s;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """);
        var info = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var proxy = new NginxProxy(process, nginx, folder, port);
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        proxy.Dispose();
        throw new TimeoutException("nginx did not listen within 10 s.");
    }

    /// <summary>Stops the master and its workers (a SIGKILL of the master alone would leave the workers running).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            using var stop = Process.Start(new ProcessStartInfo(_nginx, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-s", "stop"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            stop.WaitForExit(5000);
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

}
