using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>The licensing hearing written once as a step of kind “hearing” (行政许可法第四十五条至第四十八条).</summary>
public class HearingFragmentTests
{
    private static readonly DefinitionLoadOptions Options = RiskCheckRegistry.CreateDefault().LoadOptions();

    private static string Json(string hearing, string extraFields = "") => $$"""
        {
          "id": "inline", "version": 1, "name": "测试许可",
          "roles": [ { "id": "clerk", "name": "窗口" }, { "id": "head", "name": "主任" } ],
          "fields": [ { "id": "notice", "label": "书面告知", "type": "text" }{{extraFields}} ],
          "riskPoints": [ { "id": "②", "level": 2, "text": "审查不严" } ],
          "limits": { "statutory": { "duration": "20wd", "basis": "行政许可法第四十二条" } },
          "start": "review",
          "steps": [
            { "id": "review", "kind": "task", "name": "审查", "role": "clerk", "timeLimit": { "duration": "3wd" },
              "actions": [ { "id": "hearing-right", "name": "告知听证权利", "to": "hearing", "requires": ["notice"] },
                           { "id": "pass", "name": "审查通过", "to": "end" } ] },
            {{hearing}},
            { "id": "end", "kind": "end", "name": "办结", "outcome": "granted" }
          ]
        }
        """;

    private const string Hearing = """
        { "id": "hearing", "kind": "hearing", "role": "clerk", "return": "review", "noticeField": "notice", "risk": "②", "reviewSteps": ["review"] }
        """;

    private static FlowDefinition Load(string json)
    {
        var result = DefinitionLoader.Load(json, Options);
        result.Errors.Should().BeEmpty();
        return result.Definition!;
    }

    [Test]
    public void A_hearing_step_expands_into_three_paused_steps_with_the_statutory_times()
    {
        var flow = Load(Json(Hearing));
        var steps = new[] { "hearing", "hearing-notice", "hearing-held" }.Select(id => (TaskStep)flow.Step(id)).ToList();
        steps.Select(s => s.TimeLimit!.Period.ToString()).Should().Equal("5wd", "13wd", "7wd");
        steps.Should().OnlyContain(s => s.Clock.Pauses && s.Clock.Reason!.Contains("第四十五条") && s.Role == "clerk");
        steps[0].OnTimeout!.ActionId.Should().Be("no-request");
        steps[0].FindAction("no-request")!.To.Should().Be("review");
        steps[0].FindAction("requested")!.Requires.Should().Equal("notice", "hearingRequestedOn");
        steps[2].FindAction("held")!.To.Should().Be("review");
        steps[2].Checks.Select(c => c.CheckName).Should().Equal("separation-of-duties", "condition", "condition");
        flow.FindField("hearingDate")!.Type.Should().Be(FieldType.Date, "the fields the hearing needs are added");
    }

    [Test]
    public void The_hearing_time_does_not_count_and_silence_for_five_working_days_goes_back()
    {
        var flow = Load(Json(Hearing));
        var c = InlineFlow.Drive(flow).Act("review", "hearing-right", InlineFlow.Clerk, new { notice = "听证告知书" });
        c.State.Clock.PauseReason.Should().Contain("听证");
        c.AdvanceTo("2026-03-09T23:59+08:00");
        c.OpenSteps.Should().Equal(["hearing"], "the 5 working days from 03-02 end at 24:00 on 03-09");
        c.AdvanceTo("2026-03-10T00:00+08:00");
        c.OpenSteps.Should().Equal("review");
        c.Deadline(LimitKind.Statutory).PausedDays.Should().Be(6, "03-03 … 03-10 are not counted (行政许可法第四十五条)");
    }

    [Test]
    public void The_reviewer_cannot_host_the_hearing_and_a_late_notice_is_flagged()
    {
        var flow = Load(Json(Hearing));
        var c = InlineFlow.Drive(flow).Act("review", "hearing-right", InlineFlow.Clerk, new { notice = "听证告知书" })
            .Act("hearing", "requested", InlineFlow.Clerk2, new { hearingRequestedOn = "2026-03-03" })
            .Act("hearing-notice", "notified", InlineFlow.Clerk2, new { hearingNoticeNo = "听通1号", hearingNoticeSentOn = "2026-03-10", hearingDate = "2026-03-12" });
        c.Refused(c.TryAct("hearing-held", "held", InlineFlow.Clerk, new { hearingHost = "甲", hearingRecord = "笔录" })).CheckName.Should().Be("separation-of-duties");
        c.Act("hearing-held", "held", InlineFlow.Clerk2, new { hearingHost = "乙", hearingRecord = "笔录" });
        c.Ledger.Should().ContainSingle().Which.Message.Should().Contain("7 日前送达");
        c.OpenSteps.Should().Equal("review");
    }

    [Test]
    public void Mistakes_in_a_hearing_step_are_reported_in_chinese_at_the_step()
    {
        var errors = DefinitionLoader.Load(Json("""
            { "id": "hearing", "kind": "hearing", "role": "clerk", "return": "nowhere", "noticeField": "nofield", "reviewSteps": ["review"], "retrun": 1 }
            """), Options).Errors;
        errors.Select(e => e.Message).Should().Contain([
            "听证结束后返回的环节“nowhere”不存在，请改为已定义的环节编号。",
            "字段“nofield”未在“fields”中定义。",
            "“reviewSteps”（审查人员不得主持听证）须同时写明风险点“risk”。",
            "未知属性“retrun”，是否应为“return”？",
        ]);
        errors.Should().Contain(e => e.Path == "steps[1].return" && e.Line == 12);
        errors.Should().OnlyContain(e => e.Line == 12, "errors in the generated steps point at the hearing step");
    }

    [Test]
    public void A_declared_hearing_field_of_another_type_is_reported()
    {
        var errors = DefinitionLoader.Load(Json(Hearing, """, { "id": "hearingDate", "label": "听证日期", "type": "text" }"""), Options).Errors;
        errors.Should().ContainSingle().Which.Message.Should().Be("听证环节使用字段“hearingDate”，其类型应为 date。");
    }

    [Test]
    public void The_expanded_json_shows_the_steps_the_runtime_runs()
    {
        var expanded = DefinitionLoader.Expand(Json(Hearing));
        expanded.Should().Contain("\"hearing-notice\"").And.Contain("\"hearing-held\"").And.NotContain("\"kind\": \"hearing\"");
        DefinitionLoader.Load(expanded, Options).Errors.Should().BeEmpty();
        var plain = Json("""{ "id": "x", "kind": "end", "name": "无听证", "outcome": "completed" }""");
        DefinitionLoader.Expand(plain).Should().Be(plain);
    }
}
