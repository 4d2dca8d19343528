using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Server;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>The files of deploy/: the systemd unit is valid and hardened; the nginx site proxies requests and the live alert stream unbuffered.</summary>
[NonParallelizable]
public class DeployTests
{
    private static string Unit => Path.Combine(Repository.Root, "deploy", "workflow-engine.service");
    private static string Site => Path.Combine(Repository.Root, "deploy", "nginx", "workflow-engine.conf");

    [Test]
    public void The_systemd_unit_runs_the_published_program_as_its_own_user_restarts_on_failure_and_is_hardened()
    {
        var service = UnitSection(File.ReadAllLines(Unit), "Service");
        service["ExecStart"].Should().Equal(
            "/usr/bin/dotnet /opt/workflow-engine/WorkflowEngine.Host.dll --urls http://127.0.0.1:5080 --db /var/lib/workflow-engine/workflow.db");
        new[] { "root", "0", "" }.Should().NotContain(service["User"].Single());
        service["WorkingDirectory"].Should().Equal("/opt/workflow-engine");
        service["Restart"].Should().Equal("on-failure");
        service["StateDirectory"].Should().Equal("workflow-engine");
        foreach (var (key, value) in new[]
                 {
                     ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
                     ("PrivateDevices", "yes"), ("RestrictSUIDSGID", "yes"), ("CapabilityBoundingSet", ""),
                 })
            service[key].Should().Equal([value], key);
        UnitSection(File.ReadAllLines(Unit), "Install")["WantedBy"].Should().Equal("multi-user.target");
    }

    [Test]
    public async Task The_systemd_unit_passes_systemd_analyze_verify()
    {
        var analyze = Prerequisite.Require("/usr/bin/systemd-analyze", "the unit file is checked by systemd's own verifier.", "apt-get install -y systemd");
        // The verifier checks that ExecStart's program exists: point it at this machine's dotnet when that is not /usr/bin/dotnet.
        var folder = Repository.NewTempFolder("wf-unit");
        try
        {
            var text = await File.ReadAllTextAsync(Unit);
            var dotnet = File.Exists("/usr/bin/dotnet") ? "/usr/bin/dotnet" : DotnetPath();
            var copy = Path.Combine(folder, "workflow-engine.service");
            await File.WriteAllTextAsync(copy, text.Replace("ExecStart=/usr/bin/dotnet ", $"ExecStart={dotnet} "));
            var (exit, output) = await ChildProcess.RunAsync(analyze, ["verify", "--man=no", copy], folder, TimeSpan.FromSeconds(60));
            exit.Should().Be(0, output);
            output.Should().NotContain("workflow-engine.service:", "the verifier reports problems of the unit prefixed with its name: " + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Nginx_in_front_of_a_node_passes_requests_and_the_alert_stream_unbuffered(CancellationToken ct)
    {
        var nginx = Prerequisite.Require(Environment.GetEnvironmentVariable("NGINX_PATH") ?? "/usr/sbin/nginx", "the deploy test puts Debian's nginx in front of the service.", "apt-get install -y nginx");
        var nodePort = ChildProcess.FreePort();
        await using var node = ServerApp.Build(["--db", WorkflowHost.NewDatabase(), "--clock", "simulated", "--clock-start", WorkflowHost.DefaultStart,
            "--urls", $"http://127.0.0.1:{nodePort}", "--Logging:LogLevel:Default=Warning", "--Auth:SeedMustChangePassword=false"]);
        await node.StartAsync(ct);

        var prefix = Repository.NewTempFolder("wf-nginx");
        try
        {
            var port = ChildProcess.FreePort();
            await File.WriteAllTextAsync(Path.Combine(prefix, "site.conf"), PlainHttpSite(await File.ReadAllTextAsync(Site, ct), port, nodePort), ct);
            await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), MainConfig(prefix), ct);
            await using var proxy = ChildProcess.Start(nginx, ["-p", prefix + "/", "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "error.log")], prefix);
            var url = $"http://127.0.0.1:{port}";
            await proxy.WaitForAsync(url + "/health", TimeSpan.FromSeconds(20));

            using var clerk = await LoginAsync(url, "window", ct);
            using var supervisor = await LoginAsync(url, "supervisor", ct);
            var started = await clerk.PostAsJsonAsync("/api/cases", new
            {
                definitionId = "licensing-approval",
                data = new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind = "承诺件" },
            }, ct);
            started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync(ct));

            using var stream = await supervisor.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, ct);
            stream.StatusCode.Should().Be(HttpStatusCode.OK);
            stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
            stream.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
            var events = new SseReader(await stream.Content.ReadAsStreamAsync(ct));
            (await events.NextAsync(timeoutSeconds: 10)).Event.Should().Be("ready", "the first event comes through while the stream stays open");

            (await supervisor.PostAsJsonAsync("/api/clock/advance", new { duration = "P3D" }, ct)).StatusCode.Should().Be(HttpStatusCode.OK);
            var alert = await events.NextAsync(timeoutSeconds: 10);
            alert.Event.Should().Be("alert", "an alert raised while the stream is open arrives at once, not when a buffer fills");
            JsonDocument.Parse(alert.Data).RootElement.GetProperty("level").GetString().Should().BeOneOf("yellow", "red");
        }
        finally
        {
            await node.StopAsync(CancellationToken.None);
            try
            {
                Directory.Delete(prefix, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    [Test]
    public void The_plain_http_variant_leaves_out_exactly_the_tls_lines()
    {
        var site = File.ReadAllText(Site);
        var plain = PlainHttpSite(site, 8080, 9090);
        plain.Should().Contain("listen 127.0.0.1:8080;").And.Contain("server 127.0.0.1:9090 ").And.Contain("proxy_buffering off;");
        plain.Should().NotContain("ssl").And.NotContain("listen 80").And.NotContain("443");
        site.Should().Contain("ssl_certificate ").And.Contain("listen 443 ssl");
    }

    /// <summary>The site with its "# TLS" lines left out and one plain listen on loopback instead; the upstream's first node on <paramref name="nodePort"/>.</summary>
    private static string PlainHttpSite(string site, int port, int nodePort)
    {
        var lines = new List<string>();
        var listening = false;
        foreach (var line in site.Split('\n'))
        {
            if (line.TrimEnd().EndsWith("# TLS", StringComparison.Ordinal))
            {
                if (!listening && line.TrimStart().StartsWith("listen 443", StringComparison.Ordinal))
                {
                    lines.Add($"    listen 127.0.0.1:{port};");
                    listening = true;
                }
                continue;
            }
            lines.Add(line.Replace("127.0.0.1:5080", $"127.0.0.1:{nodePort}"));
        }
        listening.Should().BeTrue("the site has a TLS listen line to swap");
        return string.Join('\n', lines);
    }

    private static string MainConfig(string prefix) => $$"""
        daemon off;
        worker_processes 1;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path {{prefix}}/client_body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;
            include {{prefix}}/site.conf;
        }
        """;

    private static async Task<HttpClient> LoginAsync(string url, string username, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username, password = username + "@2026" }, ct);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Dictionary<string, List<string>> UnitSection(string[] lines, string section)
    {
        var values = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            if (line.StartsWith('[')) current = line.Trim('[', ']');
            else if (current == section && line.Contains('='))
            {
                var key = line[..line.IndexOf('=')].Trim();
                if (!values.TryGetValue(key, out var list)) values[key] = list = [];
                list.Add(line[(line.IndexOf('=') + 1)..].Trim());
            }
        }
        return values;
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(p => Path.Combine(p, "dotnet")).First(File.Exists);
}
