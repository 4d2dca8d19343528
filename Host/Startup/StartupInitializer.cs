using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Store.Persistence;
using WorkflowEngine.Server.Auth;
using WorkflowEngine.Server.Configuration;
using WorkflowEngine.Server.Database;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Startup;

/// <summary>
/// Runs before anything else starts: brings the database schema up to date, creates the sample users on an
/// empty database, loads the holiday calendars, and stores new versions of changed definition files.
/// An invalid definition file is reported and skipped; the service still starts.
/// </summary>
public sealed class StartupInitializer(
    IOptions<WorkflowOptions> options, UserDirectory users, CalendarService calendars, DefinitionStore definitions,
    IDbContextFactory<WorkflowDbContext> dbFactory, ChainKeyRing keys, ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var o = options.Value;
        var version = await DatabaseSetup.MigrateAsync(o.Database, logger);
        logger.LogInformation("Database {Path} at schema version {Version}", DatabaseSetup.Describe(o.Database), version);
        await AnchorOlderCasesAsync(ct);

        var usersFile = RepositoryPaths.Users(o);
        var created = await users.SeedAsync(ReadUsers(usersFile), ReadDepartments(usersFile), o.Auth.SeedMustChangePassword, ct);
        if (created > 0) logger.LogWarning("Created {Count} sample users from samples/users.json: change their passwords", created);
        await users.SyncBuiltinPostsAsync(ct);
        await users.RefreshAsync(ct);

        var definitionsFolder = RepositoryPaths.Definitions(o);
        await calendars.InitializeAsync(CalendarYearFile.LoadDirectory(Path.Combine(definitionsFolder, "calendars")), ct);
        await ImportDefinitionsAsync(Path.Combine(definitionsFolder, "flows"), ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Cases written before keyed anchors existed get one now (SQL cannot compute an HMAC), unless their history does not verify.</summary>
    private async Task AnchorOlderCasesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var (anchored, refused) = await new CaseAnchors(db.Database.GetDbConnection(), keys).AnchorAsync(all: false, ct);
        if (anchored > 0)
            logger.LogWarning("Anchored {Count} cases written before keyed anchors with chain key {KeyId}", anchored, keys.CurrentId);
        foreach (var broken in refused)
            logger.LogError("Case {CaseNo} ({CaseId}) was not anchored because its history does not verify: {Reason}", broken.CaseNo, broken.CaseId, broken.Reason);
    }

    private async Task ImportDefinitionsAsync(string folder, CancellationToken ct)
    {
        int stored = 0, unchanged = 0, invalid = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var result = await definitions.ImportAsync(await File.ReadAllTextAsync(file, ct), ct);
            if (result.Saved is null)
            {
                invalid++;
                foreach (var error in result.Errors)
                    logger.LogError("{File}: {Path} (line {Line}): {Message}", Path.GetFileName(file), error.Path, error.Line, error.Message);
            }
            else if (result.Unchanged) unchanged++;
            else stored++;
        }
        logger.LogInformation("Definitions: {Stored} new versions stored, {Unchanged} unchanged, {Invalid} invalid and skipped", stored, unchanged, invalid);
    }

    private static IEnumerable<SeedDepartment> ReadDepartments(string path) =>
        (JObject.Parse(File.ReadAllText(path))["departments"] as JArray ?? []).Select(d => new SeedDepartment(
            (string)d["id"]!, (string)d["name"]!, (string?)d["head"], (string?)d["leader"]));

    private static IEnumerable<SeedUser> ReadUsers(string path) =>
        ((JArray)JObject.Parse(File.ReadAllText(path))["users"]!).Select(u => new SeedUser(
            (string)u["username"]!, (string)u["password"]!, (string)u["name"]!, (string?)u["department"],
            ((JArray)u["roles"]!).Select(r => (string)r!).ToList()));
}
