using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkflowEngine.Host.Tests.Support;

namespace WorkflowEngine.Host.Tests;

/// <summary>
/// Random and mutated requests to every route of the OpenAPI document, as a signed-in user: no answer is a 5xx, and a
/// refused request changes nothing stored.
/// </summary>
public class FuzzTests
{
    private const int RequestsPerOperation = 40;

    [Test]
    public async Task No_route_answers_a_5xx_and_no_refusal_changes_anything()
    {
        await using var host = new WorkflowHost(WorkflowHost.NewDatabase());
        var admin = await host.LoginAsync("admin");
        var clerk = await host.LoginAsync("window");
        var view = await clerk.StartLicensingCase();
        var document = (await admin.Get("/openapi/v1.json")).Body;
        var random = new Random(20261203);
        var failures = new List<string>();
        var sent = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                if (path.Name.EndsWith("/stream", StringComparison.Ordinal) || path.Name == "/api/auth/logout" || path.Name == "/api/clock/advance") continue;
                for (var i = 0; i < RequestsPerOperation; i++)
                {
                    var url = Fill(path.Name, view, random) + (random.Next(3) == 0 ? "?" + RandomQuery(random) : "");
                    var before = await Fingerprint(host.DatabasePath);
                    using var request = new HttpRequestMessage(method, url);
                    if (method != HttpMethod.Get) request.Content = RandomBody(random);
                    var response = await (i % 2 == 0 ? admin : clerk).SendAsync(request);
                    sent++;
                    var status = (int)response.StatusCode;
                    if (status >= 500) failures.Add($"{method} {url} → {status}: {await response.Content.ReadAsStringAsync()}");
                    else if (status >= 400 && await Fingerprint(host.DatabasePath) != before) failures.Add($"{method} {url} → {status} but changed data");
                }
            }

        failures.Should().BeEmpty();
        sent.Should().BeGreaterThan(1000);
    }

    private static string Fill(string template, JsonElement view, Random random) => template
        .Replace("{id}", random.Next(3) == 0 ? view.Id() : Junk(random))
        .Replace("{taskId}", random.Next(2) == 0 ? view.Task("intake") : Junk(random))
        .Replace("{actionId}", random.Next(2) == 0 ? "accept" : Junk(random))
        .Replace("{version}", random.Next(-5, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("{year}", random.Next(0, 3) switch { 0 => "2026", 1 => "9999", _ => "1" });

    private static string Junk(Random random) => Uri.EscapeDataString(random.Next(5) switch
    {
        0 => "",
        1 => new string('x', random.Next(1, 300)),
        2 => "../../etc/passwd",
        3 => "<script>alert(1)</script>",
        _ => "案件" + random.Next(),
    });

    private static string RandomQuery(Random random) => string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        $"{new[] { "status", "level", "from", "to", "definitionId", "add", "format", "limit", "cursor", "version" }[random.Next(10)]}=" +
        Uri.EscapeDataString(new[] { "", "9999-12-31", "1900-01-01", "-1", "99999999999999999999", "red", "csv", "%00", "5wd", "x" }[random.Next(10)])));

    private static readonly string[] Seeds =
    [
        """{"definitionId":"licensing-approval","data":{"applicant":"某","contact":"1","item":"许可","kind":"承诺件"}}""",
        """{"data":{"materials":["application"]},"opinion":"同意"}""",
        """{"choice":"for","opinion":"同意"}""",
        """{"username":"window","password":"wrong"}""",
        """{"duration":"P1D"}""",
        """{"reason":"撤回","memberId":"director"}""",
    ];

    private static HttpContent RandomBody(Random random)
    {
        var text = Seeds[random.Next(Seeds.Length)];
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (random.Next(6))
        {
            case 0: for (var k = 0; k < 3; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256); break;
            case 1: bytes = bytes[..random.Next(bytes.Length)]; break;
            case 2: bytes = Encoding.UTF8.GetBytes(text.Replace("\"同意\"", random.Next(2) == 0 ? "1e400" : "[[[[[[]]]]]]")); break;
            case 3: bytes = Encoding.UTF8.GetBytes(text.Replace("某", "\\udfff")); break;
        }
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(random.Next(8) == 0 ? "text/plain" : "application/json");
        return content;
    }

    /// <summary>Row counts and the newest version of every case: what any accepted change would move.</summary>
    private static async Task<string> Fingerprint(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM cases) || '/' || (SELECT COUNT(*) FROM history) || '/' || " +
            "(SELECT COALESCE(SUM(version), 0) FROM cases) || '/' || (SELECT COUNT(*) FROM definitions) || '/' || (SELECT COUNT(*) FROM alerts WHERE status = 'open')";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
