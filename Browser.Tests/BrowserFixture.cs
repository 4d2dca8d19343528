using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkflowEngine.Browser.Tests;

/// <summary>A fixture's own service and Chromium, started once for its tests, and API clients signed in as sample users.</summary>
public abstract class BrowserFixture
{
    private protected TestHost Server { get; private set; } = null!;
    private protected BrowserSession Session { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        BrowserSession.RequireChromium();
        Server = await TestHost.StartAsync();
        Session = await BrowserSession.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Session is not null) await Session.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }

    /// <summary>Posts JSON through the API and answers with the JSON reply; anything but success fails the test.</summary>
    private protected static async Task<JsonElement> PostJsonAsync(HttpClient client, string url, object? body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An API client signed in as a sample user with the sample password.</summary>
    private protected async Task<HttpClient> ApiAsAsync(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(Server.Url) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = user + "@2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
