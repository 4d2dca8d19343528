using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>Small helpers for calling the API and reading its JSON.</summary>
public static class Api
{
    public sealed record Reply(HttpStatusCode Status, JsonElement Body, string? ETag)
    {
        /// <summary>The rows of a page of a list (<c>{ items, next }</c>).</summary>
        public JsonElement Items => Body.GetProperty("items");

        public string Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";

        /// <summary>What a failed assertion prints: the status and the body.</summary>
        public override string ToString() => $"{(int)Status} {Body}";
    }

    public static async Task<Reply> Read(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        // A file (a document, a dossier) has no JSON body to read: its status and headers are what the caller checks.
        if (type is not null && !type.Contains("json", StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal))
            return new Reply(response.StatusCode, default, response.Headers.ETag?.Tag);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply(response.StatusCode, body, response.Headers.ETag?.Tag);
    }

    public static async Task<Reply> Post(this HttpClient client, string url, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Read(await client.SendAsync(request));
    }

    public static async Task<Reply> Put(this HttpClient client, string url, object? body) =>
        await Read(await client.PutAsync(url, JsonContent.Create(body)));

    public static async Task<Reply> PostText(this HttpClient client, string url, string text) =>
        await Read(await client.PostAsync(url, new StringContent(text, Encoding.UTF8, "application/json")));

    public static async Task<Reply> Get(this HttpClient client, string url) => await Read(await client.GetAsync(url));

    public static async Task<HttpStatusCode> SendDelete(this HttpClient client, string url) => (await client.DeleteAsync(url)).StatusCode;

    /// <summary>Uploads one file as multipart/form-data (field <c>file</c>).</summary>
    public static async Task<Reply> PostFile(this HttpClient client, string url, byte[] content, string fileName) =>
        await Read(await client.PostAsync(url, FileForm(content, fileName)));

    public static async Task<Reply> PutFile(this HttpClient client, string url, byte[] content, string fileName) =>
        await Read(await client.PutAsync(url, FileForm(content, fileName)));

    private static MultipartFormDataContent FileForm(byte[] content, string fileName) =>
        new() { { new ByteArrayContent(content), "file", fileName } };

    public static async Task<Reply> PutText(this HttpClient client, string url, string text) =>
        await Read(await client.PutAsync(url, new StringContent(text, Encoding.UTF8, "application/json")));

    public static async Task<JsonElement> StartLicensingCase(this HttpClient clerk, string kind = "承诺件")
    {
        var reply = await clerk.Post("/api/cases", new
        {
            definitionId = "licensing-approval",
            data = new { applicant = "康宁妇产医院", contact = "0735-2222222", item = "母婴保健技术服务机构执业许可", kind },
        });
        reply.Status.Should().Be(HttpStatusCode.Created, reply.Body.ToString());
        return reply.Body;
    }

    public static readonly string[] AllMaterials = ["application", "identity", "qualification", "premises"];

    public static string Task(this JsonElement view, string stepId) =>
        view.Tasks().Single(t => t.GetProperty("stepId").GetString() == stepId).GetProperty("taskId").GetString()!;

    /// <summary>The open tasks of a case reply, from the core's outlook.</summary>
    public static IEnumerable<JsonElement> Tasks(this JsonElement view) => view.GetProperty("outlook").GetProperty("tasks").EnumerateArray();

    /// <summary>The case's statutory (else promised) deadline from the outlook.</summary>
    public static JsonElement CaseDeadline(this JsonElement view) => view.GetProperty("outlook").GetProperty("caseDeadline");

    public static string Id(this JsonElement view) => view.GetProperty("id").GetString()!;

    public static long Version(this JsonElement view) => view.GetProperty("version").GetInt64();

    public static IEnumerable<string> OpenSteps(this JsonElement view) =>
        view.Tasks().Select(t => t.GetProperty("stepId").GetString()!);
}
