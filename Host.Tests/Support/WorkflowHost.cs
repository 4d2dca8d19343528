using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// The real service in-process (WebApplicationFactory) on its own SQLite file or PostgreSQL database (see
/// <see cref="TestDatabase"/>), with a simulated clock. Disposing stops it; a new instance on the same database is a restart.
/// </summary>
public sealed class WorkflowHost : WebApplicationFactory<Program>
{
    public const string DefaultStart = "2026-03-02T09:00+08:00";

    private readonly string _database;
    private readonly string _clockStart;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public WorkflowHost(string database, string clockStart = DefaultStart, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _clockStart = clockStart;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string DatabasePath => _database;

    /// <summary>The chain key file of this database: beside a SQLite file (the service's default), in the work folder for PostgreSQL.</summary>
    public string ChainKeyFile => KeyFileOf(_database);

    /// <summary>Puts the chain keys of <paramref name="from"/> in place for <paramref name="to"/>, as an operator restoring or moving a database does.</summary>
    public static void CopyChainKeys(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFileOf(to))!);
        File.Copy(KeyFileOf(from), KeyFileOf(to), overwrite: true);
    }

    public static string KeyFileOf(string database) => TestDatabase.IsPostgres(database)
        ? Path.Combine(TestContext.CurrentContext.WorkDirectory, "keys",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..16] + ".keys")
        : database + ".keys";

    /// <summary>The warnings and errors the service logged.</summary>
    public LogCollector Log { get; } = new();

    /// <summary>A fresh database: a file in the test's work folder, or a new database on the private PostgreSQL server.</summary>
    public static string NewDatabase(string provider = TestDatabase.Sqlite) => TestDatabase.New(provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (TestDatabase.IsPostgres(_database))
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", _database);
        }
        else builder.UseSetting("Database:Path", _database);
        builder.UseSetting("Audit:ChainKeyFile", ChainKeyFile);
        builder.UseSetting("Clock:Mode", "simulated");
        builder.UseSetting("Clock:Start", _clockStart);
        builder.UseSetting("Timers:SweepSeconds", "3600");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The tests sign in as the sample users with their documented passwords, without the first-sign-in change.
        builder.UseSetting("Auth:SeedMustChangePassword", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    public async Task<HttpClient> LoginAsync(string username)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = username + "@2026" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var authenticated = CreateClient();
        authenticated.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return authenticated;
    }
}
