using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// `dotnet publish Host` gives a folder that runs anywhere: started with `dotnet WorkflowEngine.Host.dll` from an
/// unrelated working directory it finds its settings, definitions, sample users and web UI beside itself, and keeps
/// its database there.
/// </summary>
[NonParallelizable]
public class PublishTests
{
    private static readonly Dictionary<string, string?> CleanEnvironment = new()
    {
        // Nothing from the test run may point the program somewhere: it must find everything by itself.
        ["ASPNETCORE_ENVIRONMENT"] = null,
        ["DOTNET_ENVIRONMENT"] = null,
        ["ASPNETCORE_CONTENTROOT"] = null,
        ["DOTNET_CONTENTROOT"] = null,
        ["ASPNETCORE_URLS"] = null,
        ["MSBuildExtensionsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };

    [Test]
    [CancelAfter(180_000)]
    public async Task The_publish_folder_started_from_another_directory_serves_the_ui_and_the_flows_is_ready_and_logs_json(CancellationToken ct)
    {
        var builtIndex = Prerequisite.Require(Path.Combine(Repository.Host, "wwwroot", "index.html"),
            "the publish test checks that the web UI ships, and the UI is built by the Host's build unless SkipClientApp=true.",
            "dotnet build Host (Node.js 20 with npm on the PATH)");
        var output = Repository.NewTempFolder("wf-publish");
        var elsewhere = Repository.NewTempFolder("wf-cwd");
        try
        {
            // --no-build: the Host the tests were built with, published as an operator would copy it.
            var (exit, log) = await ChildProcess.RunAsync("dotnet",
                ["publish", Path.Combine(Repository.Host, "Host.csproj"), "-c", Repository.Configuration, "--no-build", "-o", output,
                    "-p:SkipClientApp=true", "-nologo"],
                Repository.Root, TimeSpan.FromSeconds(120), CleanEnvironment);
            exit.Should().Be(0, log);
            File.Exists(Path.Combine(output, "Definitions", "roles.json")).Should().BeTrue();
            File.Exists(Path.Combine(output, "samples", "users.json")).Should().BeTrue();

            var url = $"http://127.0.0.1:{ChildProcess.FreePort()}";
            await using var service = ChildProcess.Start("dotnet",
                [Path.Combine(output, "WorkflowEngine.Host.dll"), "--urls", url, "--Logging:Console:FormatterName=json"], elsewhere, CleanEnvironment);
            await service.WaitForAsync(url + "/health/ready", TimeSpan.FromSeconds(90));

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var home = await http.GetAsync("/", ct);
            home.StatusCode.Should().Be(HttpStatusCode.OK, service.Output);
            home.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await home.Content.ReadAsStringAsync(ct)).Should().Be(await File.ReadAllTextAsync(builtIndex, ct), "/ is the published UI's index.html");

            var login = await http.PostAsJsonAsync("/api/auth/login", new { username = "window", password = "window@2026" }, ct);
            login.StatusCode.Should().Be(HttpStatusCode.OK, "the sample users ship with the publish folder: " + service.Output);
            var first = await login.Content.ReadFromJsonAsync<JsonElement>(ct);
            first.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue("a sample password is changed at first sign-in");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.GetProperty("token").GetString());
            var changed = await http.PostAsJsonAsync("/api/auth/password", new { currentPassword = "window@2026", newPassword = "Window#2026-new" }, ct);
            changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(ct));
            var token = (await changed.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var definitions = await http.GetFromJsonAsync<JsonElement>("/api/definitions", ct);
            definitions.GetArrayLength().Should().Be(Directory.GetFiles(Path.Combine(Repository.Root, "Definitions", "flows"), "*.json").Length);

            var logLines = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            logLines.Should().NotBeEmpty();
            foreach (var line in logLines)
                JsonDocument.Parse(line).RootElement.GetProperty("Category").GetString().Should().NotBeNullOrEmpty("with FormatterName=json every log line is a JSON object: " + line);
            logLines.Should().Contain(l => l.Contains("new versions stored", StringComparison.Ordinal), "the start-up report is among them");

            File.Exists(Path.Combine(output, "workflow.db")).Should().BeTrue("the default database lives beside the program, not in the working directory");
            Directory.EnumerateFileSystemEntries(elsewhere).Should().BeEmpty("nothing is written to the working directory");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { output, elsewhere })
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
