using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Risk;

public class CollectiveDecisionCheckTests
{
    private static CaseDriver Case(decimal amount, string inclusive = "") => InlineFlow.Drive(InlineFlow.Load(
        """{ "id": "amount", "label": "金额", "type": "number" }""", """
        { "id": "a", "kind": "task", "name": "申请", "role": "clerk", "timeLimit": { "duration": "2wd" },
          "actions": [ { "id": "meet", "name": "上会", "to": "vote" }, { "id": "skip", "name": "直接拨付", "to": "pay" } ] },
        { "id": "vote", "kind": "vote", "name": "党组会", "members": "head", "recorder": "clerk", "timeLimit": { "duration": "2wd" },
          "outcomes": { "passed": "pay", "rejected": "end" } },
        { "id": "pay", "kind": "task", "name": "拨付", "role": "clerk", "timeLimit": { "duration": "2wd" }, "risks": ["②"],
          "actions": [ { "id": "pay", "name": "拨付", "to": "end" } ],
          "checks": [ { "risk": "②", "check": "collective-decision", "params": { "amount": "amount", "threshold": "limit", "vote": "vote"{{inclusive}} } } ] }
        """.Replace("{{inclusive}}", inclusive), """ "constants": { "limit": 30000 }, """), new { amount });

    private const string Inclusive = """, "inclusive": true""";

    [Test]
    public void An_amount_at_the_threshold_needs_no_vote()
    {
        Case(30000m).Act("a", "skip", InlineFlow.Clerk).TryAct("pay", "pay", InlineFlow.Clerk2).Should().BeOfType<Applied>();
    }

    [Test]
    public void An_amount_above_the_threshold_without_a_vote_is_blocked()
    {
        var c = Case(30001m).Act("a", "skip", InlineFlow.Clerk);
        c.Refused(c.TryAct("pay", "pay", InlineFlow.Clerk2)).Message.Should().EndWith("金额 30001 元超过 30000 元，须经“党组会”集体研究通过。");
    }

    [Test]
    public void An_amount_above_the_threshold_after_a_passed_vote_is_allowed()
    {
        var c = Case(30001m).Act("a", "meet", InlineFlow.Clerk);
        var task = c.Task("vote").TaskId;
        c.Must(new AttendVote(task), InlineFlow.Head);
        c.Must(new CastVote(task, VoteChoice.For), InlineFlow.Head);
        c.Must(new CloseVote(task), InlineFlow.Clerk);
        c.TryAct("pay", "pay", InlineFlow.Clerk2).Should().BeOfType<Applied>();
    }

    [Test]
    public void With_inclusive_an_amount_of_exactly_the_threshold_is_blocked_without_a_vote()
    {
        var c = Case(30000m, Inclusive).Act("a", "skip", InlineFlow.Clerk);
        c.Refused(c.TryAct("pay", "pay", InlineFlow.Clerk2)).Message.Should().EndWith("金额 30000 元达到 30000 元以上，须经“党组会”集体研究通过。");
    }

    [Test]
    public void With_inclusive_an_amount_just_below_the_threshold_needs_no_vote()
    {
        Case(29999.99m, Inclusive).Act("a", "skip", InlineFlow.Clerk).TryAct("pay", "pay", InlineFlow.Clerk2).Should().BeOfType<Applied>();
    }

    [Test]
    public void With_inclusive_an_amount_of_exactly_the_threshold_passes_after_the_vote()
    {
        var c = Case(30000m, Inclusive).Act("a", "meet", InlineFlow.Clerk);
        var task = c.Task("vote").TaskId;
        c.Must(new AttendVote(task), InlineFlow.Head);
        c.Must(new CastVote(task, VoteChoice.For), InlineFlow.Head);
        c.Must(new CloseVote(task), InlineFlow.Clerk);
        c.TryAct("pay", "pay", InlineFlow.Clerk2).Should().BeOfType<Applied>();
    }
}
