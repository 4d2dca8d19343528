namespace WorkflowEngine.Testing;

/// <summary>
/// A program from outside .NET that some tests need (Debian's Chromium, nginx, later PostgreSQL). Missing, the
/// tests that need it are reported as skipped with the reason and the line that installs it; under
/// WORKFLOW_REQUIRE_ALL_TESTS=1 (set by .ci/run) a missing prerequisite fails them instead, so that CI never
/// passes by skipping. Shared by the test projects (linked into Browser.Tests).
/// </summary>
public static class Prerequisite
{
    public const string RequireAllVariable = "WORKFLOW_REQUIRE_ALL_TESTS";

    public enum Outcome { Present, Skip, Fail }

    /// <summary>Skips (or, when every test is required, fails) the current test or fixture unless <paramref name="path"/> exists.</summary>
    /// <returns>The path, for the caller to use.</returns>
    public static string Require(string path, string reason, string installLine)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) Missing(Message(path, reason, installLine));
        return path;
    }

    /// <summary>Skips (or, when every test is required, fails) the current test for a prerequisite that is not there.</summary>
    public static void Missing(string message)
    {
        if (Decide(present: false, RequireAll(Environment.GetEnvironmentVariable(RequireAllVariable))) == Outcome.Fail)
            Assert.Fail(message + $" ({RequireAllVariable}=1: a missing prerequisite fails instead of skipping.)");
        TestContext.Progress.WriteLine("SKIPPED: " + message);
        Assert.Ignore(message);
    }

    public static Outcome Decide(bool present, bool requireAll) =>
        present ? Outcome.Present : requireAll ? Outcome.Fail : Outcome.Skip;

    /// <summary>Whether the variable's value asks for every test to run: 1 or true; unset, empty, 0 or false do not.</summary>
    public static bool RequireAll(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "true" or "yes";

    public static string Message(string path, string reason, string installLine) =>
        $"{path} not found: {reason} Install it with: {installLine}";
}
