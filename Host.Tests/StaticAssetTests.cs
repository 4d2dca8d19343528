using System.Net;
using System.Text.RegularExpressions;
using WorkflowEngine.Host.Tests.Support;
using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>The web UI's files go out compressed, hashed assets cached for a year, index.html revalidated.</summary>
public class StaticAssetTests
{
    [Test]
    public async Task Hashed_assets_are_compressed_and_immutable_and_index_html_is_not_cached()
    {
        Prerequisite.Require(Path.Combine(Repository.Host, "wwwroot", "index.html"),
            "the web UI is built by the Host's build unless SkipClientApp=true.", "dotnet build Host (Node.js 20 with npm on the PATH)");
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var client = host.CreateClient();

        foreach (var url in new[] { "/", "/login" })
        {
            using var index = new HttpRequestMessage(HttpMethod.Get, url);
            index.Headers.AcceptEncoding.ParseAdd("br");
            using var reply = await client.SendAsync(index);
            reply.StatusCode.Should().Be(HttpStatusCode.OK);
            reply.Headers.CacheControl!.NoCache.Should().BeTrue(url);
        }

        var html = await client.GetStringAsync("/");
        var script = Regex.Match(html, "/assets/[^\"]+\\.js").Value;
        script.Should().NotBeEmpty();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var asset = await client.SendAsync(request);
            asset.StatusCode.Should().Be(HttpStatusCode.OK);
            asset.Content.Headers.ContentEncoding.Should().Equal(encoding);
            asset.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        }

        using var plain = await client.GetAsync("/api/auth/me");
        plain.Content.Headers.ContentEncoding.Should().BeEmpty("API answers are not compressed");
    }
}
