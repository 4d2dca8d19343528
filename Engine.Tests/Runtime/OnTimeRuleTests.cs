using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>The on-time rule (按时办结): late once any open limit — case or step — ran out, whether or not a card was raised yet.</summary>
public class OnTimeRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(8));

    [Test]
    public void A_step_limit_that_ran_out_makes_the_case_late_though_the_case_limit_holds()
    {
        var step = Now.AddDays(-2);
        var statutory = Now.AddDays(20);
        DeadlineStanding.WentRedAt([statutory, step], Now).Should().Be(step);
    }

    [Test]
    public void The_earliest_limit_that_ran_out_is_when_the_case_went_late()
    {
        DeadlineStanding.WentRedAt([Now.AddDays(-1), Now.AddDays(-3), Now.AddDays(1)], Now).Should().Be(Now.AddDays(-3));
    }

    [Test]
    public void Limits_still_running_or_falling_due_later_keep_the_case_on_time()
    {
        DeadlineStanding.WentRedAt([Now.AddTicks(1), Now.AddDays(5)], Now).Should().BeNull();
        DeadlineStanding.WentRedAt([], Now).Should().BeNull();
    }

    [Test]
    public void A_limit_falling_due_at_this_very_instant_is_red()
    {
        DeadlineStanding.WentRedAt([Now], Now).Should().Be(Now);
    }
}
