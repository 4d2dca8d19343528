using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// The web client's API types are generated from <c>Host/ClientApp/openapi.json</c> at build time; this fails when that
/// document no longer matches what the service describes. Run with <c>UPDATE_OPENAPI=1</c> to write the current one.
/// </summary>
public class OpenApiContractTests
{
    [Test]
    public async Task The_client_s_API_document_is_the_service_s_current_one()
    {
        using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var client = await host.LoginAsync("owner");
        var live = Normalize((await client.Get("/openapi/v1.json")).Body.GetRawText());
        var file = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Definitions(new WorkflowOptions()))!, "Host", "ClientApp", "openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(file, live);
        var committed = Normalize(await File.ReadAllTextAsync(file));
        committed.Should().Be(live,
            "Host/ClientApp/openapi.json must be the service's OpenAPI document (UPDATE_OPENAPI=1 dotnet test --filter OpenApiContract rewrites it)");
    }

    /// <summary>The document without the address it was served from, indented the same way.</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
