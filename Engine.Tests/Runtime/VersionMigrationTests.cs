using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>The per-case rule for moving a running case from one version of its flow to another.</summary>
public class VersionMigrationTests
{
    private static readonly Actor Owner = People.Make("owner", "流程管理员");

    private static FlowDefinition Version(int version, string reviewId, string reviewLimit = "3wd", string extraField = "", string vote = "")
    {
        var definition = InlineFlow.Load($$"""
            { "id": "n", "label": "数量", "type": "number" }{{extraField}}
            """, $$"""
            { "id": "a", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "2wd" },
              "actions": [ { "id": "go", "name": "提交", "to": "{{reviewId}}" } ] },
            { "id": "{{reviewId}}", "kind": "task", "name": "审核", "role": "head", "timeLimit": { "duration": "{{reviewLimit}}" },
              "actions": [ { "id": "ok", "name": "同意", "to": "end" } ] }
            """);
        return new FlowDefinitionWithVersion(definition, version).Value;
    }

    /// <summary>InlineFlow writes version 1; a test needs two versions of the same flow.</summary>
    private sealed record FlowDefinitionWithVersion(FlowDefinition Source, int Version)
    {
        public FlowDefinition Value => new()
        {
            Id = Source.Id, Version = Version, Name = Source.Name, Roles = Source.Roles, Fields = Source.Fields, Constants = Source.Constants,
            RiskPoints = Source.RiskPoints, Limits = Source.Limits, StartStepId = Source.StartStepId, Steps = Source.Steps,
        };
    }

    private static CaseDriver AtReview(FlowDefinition v1)
    {
        var c = InlineFlow.Drive(v1, new { n = 1 });
        c.Must(new TakeAction(c.Task("a").TaskId, "go", ImmutableDictionary<string, Value>.Empty, null), InlineFlow.Clerk);
        return c;
    }

    [Test]
    public void A_case_moves_to_the_renamed_step_keeping_its_task_and_time_and_records_the_mapping()
    {
        var v1 = Version(1, "review");
        var v2 = Version(2, "check");
        var c = AtReview(v1);
        var before = c.Task("review");

        var outcome = c.Runtime.Migrate(v1, v2, c.State, new Dictionary<string, string> { ["review"] = "check" }, Owner, c.Now);

        outcome.Moved.Should().BeTrue(string.Join("；", outcome.Reasons));
        var state = outcome.Applied!.State;
        state.DefinitionVersion.Should().Be(2);
        state.Version.Should().Be(c.State.Version + 1);
        state.Active.Should().ContainSingle().Which.Should().Match<ActiveStep>(a => a.StepId == "check" && a.TaskId == before.TaskId && a.EnteredAt == before.EnteredAt);
        var entry = outcome.Applied.Events.Should().ContainSingle(e => e.Type == EventTypes.Migrated).Subject;
        entry.Summary.Should().Be("由第 1 版迁移至第 2 版（环节对应：“审核”→“审核”）");
        entry.Data["mapping"].AsObject["review"].AsString.Should().Be("check");
        outcome.Applied.Timers.Should().NotBeEmpty();

        var result = c.Runtime.Execute(v2, state, new TakeAction(before.TaskId, "ok", ImmutableDictionary<string, Value>.Empty, null), InlineFlow.Head, c.Now);
        result.Should().BeOfType<Applied>().Which.State.IsClosed.Should().BeTrue();
    }

    [Test]
    public void A_step_without_counterpart_is_refused_naming_it()
    {
        var v1 = Version(1, "review");
        var v2 = Version(2, "check");
        var c = AtReview(v1);

        var outcome = c.Runtime.Migrate(v1, v2, c.State, VersionMigration.Suggest(v1, v2), Owner, c.Now);

        outcome.Moved.Should().BeFalse();
        outcome.Reasons.Should().ContainSingle().Which.Should().Be("当前环节“审核”（review）在第 2 版中没有对应环节。");
    }

    [Test]
    public void Matching_step_ids_are_suggested()
    {
        VersionMigration.Suggest(Version(1, "review"), Version(2, "check")).Should().BeEquivalentTo(new Dictionary<string, string> { ["a"] = "a" });
    }

    [Test]
    public void A_moved_deadline_is_refused_with_its_old_and_new_last_days_unless_accepted()
    {
        var v1 = Version(1, "review");
        var v2 = Version(2, "review", reviewLimit: "5wd");
        var c = AtReview(v1); // entered Monday 2026-03-02: 3wd ends Thursday 03-05, 5wd ends Monday 03-09

        var refused = c.Runtime.Migrate(v1, v2, c.State, VersionMigration.Suggest(v1, v2), Owner, c.Now);
        refused.Moved.Should().BeFalse();
        refused.DeadlineChanges.Should().ContainSingle().Which.Should().Match<DeadlineChange>(d =>
            d.OldLastDay == new DateOnly(2026, 3, 5) && d.NewLastDay == new DateOnly(2026, 3, 9));
        refused.Reasons.Should().ContainSingle().Which.Should().Contain("2026-03-05").And.Contain("2026-03-09");

        var accepted = c.Runtime.Migrate(v1, v2, c.State, VersionMigration.Suggest(v1, v2), Owner, c.Now, acceptDeadlineChanges: true);
        accepted.Moved.Should().BeTrue();
        accepted.Applied!.Timers.Should().Contain(t => t.DueAt.Date == new DateTime(2026, 3, 10));
    }

    [Test]
    public void A_required_field_of_the_new_version_that_the_case_lacks_is_refused()
    {
        var v1 = Version(1, "review");
        var v2 = Version(2, "review", extraField: """, { "id": "licence", "label": "许可证号", "type": "text", "required": true }""");
        var c = AtReview(v1);

        var outcome = c.Runtime.Migrate(v1, v2, c.State, VersionMigration.Suggest(v1, v2), Owner, c.Now);

        outcome.Reasons.Should().ContainSingle().Which.Should().Be("第 2 版的必填字段“许可证号”（licence）在本案件中没有填写。");
    }

    [Test]
    public void A_closed_case_or_one_on_another_version_is_not_moved()
    {
        var v1 = Version(1, "review");
        var v2 = Version(2, "review");
        var c = AtReview(v1);
        c.Must(new TakeAction(c.Task("review").TaskId, "ok", ImmutableDictionary<string, Value>.Empty, null), InlineFlow.Head);

        c.Runtime.Migrate(v1, v2, c.State, VersionMigration.Suggest(v1, v2), Owner, c.Now).Reasons.Should().Contain("案件已办结，无需迁移。");
        c.Runtime.Migrate(v2, v1, AtReview(v1).State, VersionMigration.Suggest(v2, v1), Owner, c.Now).Reasons
            .Should().Contain("案件在第 1 版上办理，不在第 2 版。");
    }

    [Test]
    public void An_open_vote_is_not_moved()
    {
        var flow = Repo.Flow("major-decision");
        var vote = flow.Steps.OfType<VoteStep>().First();
        var state = new CaseState
        {
            CaseId = "c", DefinitionId = flow.Id, DefinitionVersion = flow.Version, Version = 3, StartedAt = CaseDriver.At("2026-03-02T09:00+08:00"),
            StartedBy = "x", Data = ImmutableDictionary<string, Value>.Empty,
            Active = [new ActiveStep("t5", vote.Id, CaseDriver.At("2026-03-02T09:00+08:00"), "", VoteState.Open(1, ["a", "b", "c"], ["a"]))],
        };
        var runtime = new CaseDriver(flow, CaseDriver.At("2026-03-03T09:00+08:00")).Runtime;

        var outcome = runtime.Migrate(flow, new FlowDefinitionWithVersion(flow, flow.Version + 1).Value, state, VersionMigration.Suggest(flow, flow), Owner,
            CaseDriver.At("2026-03-03T09:00+08:00"));

        outcome.Reasons.Should().Contain(r => r.Contains("集体表决正在进行（第 1 轮）"));
    }

    [Test]
    public void A_request_between_different_flows_or_unknown_steps_is_refused()
    {
        var v1 = Version(1, "review");
        VersionMigration.CheckRequest(v1, Version(2, "check"), new Dictionary<string, string> { ["review"] = "nope", ["a"] = "check" })
            .Should().BeEquivalentTo("环节对应中的“nope”不是第 2 版的环节。");
        VersionMigration.CheckRequest(v1, v1, new Dictionary<string, string>()).Should().Contain("源版本与目标版本相同（第 1 版）。");
    }
}
