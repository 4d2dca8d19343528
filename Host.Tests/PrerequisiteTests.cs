using WorkflowEngine.Testing;

namespace WorkflowEngine.Host.Tests;

/// <summary>The shared helper that skips tests whose outside program is missing, or fails them when CI requires every test.</summary>
public class PrerequisiteTests
{
    [Test]
    public void A_present_prerequisite_runs_the_test_in_both_modes()
    {
        Prerequisite.Decide(present: true, requireAll: false).Should().Be(Prerequisite.Outcome.Present);
        Prerequisite.Decide(present: true, requireAll: true).Should().Be(Prerequisite.Outcome.Present);
    }

    [Test]
    public void A_missing_prerequisite_skips_on_a_developer_machine_and_fails_when_every_test_is_required()
    {
        Prerequisite.Decide(present: false, requireAll: false).Should().Be(Prerequisite.Outcome.Skip);
        Prerequisite.Decide(present: false, requireAll: true).Should().Be(Prerequisite.Outcome.Fail);
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("1", true)]
    [TestCase(" true ", true)]
    [TestCase("TRUE", true)]
    public void The_environment_variable_asks_for_every_test_with_1_or_true(string? value, bool requireAll) =>
        Prerequisite.RequireAll(value).Should().Be(requireAll);

    [Test]
    public void The_message_gives_the_reason_and_the_install_line()
    {
        var message = Prerequisite.Message("/usr/bin/chromium", "the browser tests drive Debian's Chromium.", "apt-get install -y chromium fonts-noto-cjk");
        message.Should().Be("/usr/bin/chromium not found: the browser tests drive Debian's Chromium. Install it with: apt-get install -y chromium fonts-noto-cjk");
    }

    [Test]
    public void A_present_path_passes_through()
    {
        var path = Path.GetTempPath();
        Prerequisite.Require(path, "a folder that is always there.", "none").Should().Be(path);
    }
}
