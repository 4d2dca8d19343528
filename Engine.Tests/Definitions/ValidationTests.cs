using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>One test per kind of mistake a process owner can make: each error carries its path, line and a Chinese message.</summary>
public class ValidationTests
{
    private const string Valid = """
        {
          "id": "sample",
          "version": 1,
          "name": "示例流程",
          "roles": [ { "id": "clerk", "name": "窗口工作人员" }, { "id": "head", "name": "主任" } ],
          "fields": [ { "id": "amount", "label": "金额", "type": "number" }, { "id": "experts", "label": "专家", "type": "list" } ],
          "riskPoints": [ { "id": "①", "level": 2, "text": "审核不严。" } ],
          "limits": { "statutory": { "duration": "20wd" }, "extension": { "max": "10wd", "approverRole": "head" } },
          "start": "intake",
          "steps": [
            { "id": "intake", "kind": "task", "name": "受理", "role": "clerk", "timeLimit": { "duration": "1wd" },
              "risks": ["①"],
              "actions": [ { "id": "accept", "name": "受理", "to": "route" } ],
              "checks": [ { "risk": "①", "check": "min-participants", "params": { "field": "experts", "min": 2 } } ] },
            { "id": "route", "kind": "decision", "name": "金额判断",
              "routes": [ { "when": "amount > 30000", "to": "approve" } ], "otherwise": "done" },
            { "id": "approve", "kind": "task", "name": "审批", "role": "head", "timeLimit": { "duration": "3wd" },
              "actions": [ { "id": "grant", "name": "同意", "to": "done" }, { "id": "extend", "name": "延期", "extend": "10wd" } ] },
            { "id": "done", "kind": "end", "name": "办结", "outcome": "completed" }
          ]
        }
        """;

    private static readonly DefinitionLoadOptions Options = RiskCheckRegistry.CreateDefault().LoadOptions();

    private static IReadOnlyList<DefinitionError> Errors(string json) => DefinitionLoader.Load(json, Options).Errors;

    private static string Edit(Action<JObject> change)
    {
        var root = JObject.Parse(Valid);
        change(root);
        return root.ToString(Formatting.Indented);
    }

    private static int LineOf(string json, string text)
    {
        var lines = json.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        index.Should().BeGreaterThanOrEqualTo(0, $"'{text}' should be in the document");
        return index + 1;
    }

    private static DefinitionError Single(string json, string path)
    {
        var errors = Errors(json);
        errors.Should().ContainSingle(e => e.Path == path, because: string.Join("\n", errors));
        return errors.Single(e => e.Path == path);
    }

    [Test]
    public void Add_signer_is_a_task_steps_flag_and_nowhere_else()
    {
        DefinitionLoader.Load(Edit(r => r["steps"]![3]!["addSigner"] = true), Options).Errors.Should().ContainSingle(e => e.Path.StartsWith("steps[3]"));
        DefinitionLoader.Load(Edit(r => r["steps"]![2]!["addSigner"] = "yes"), Options).Errors.Should().ContainSingle(e => e.Path.StartsWith("steps[2]"));
        var loaded = DefinitionLoader.Load(Edit(r => r["steps"]![2]!["addSigner"] = true), Options);
        loaded.Errors.Should().BeEmpty();
        loaded.Definition!.Steps.OfType<Engine.Definitions.Model.TaskStep>().Single(t => t.Id == "approve").AddSigner.Should().BeTrue();
    }

    [Test]
    public void An_action_issuing_an_unknown_document_kind_is_refused_in_chinese_listing_the_kinds()
    {
        var unknown = Single(Edit(r => r["steps"]![0]!["actions"]![0]!["issues"] = "reconsideration-answer"), "steps[0].actions[0].issues");
        unknown.Message.Should().StartWith("“issues”的值“reconsideration-answer”无效，可选值：")
            .And.Contain("reconsideration-reply").And.Contain("reconsideration-decision").And.Contain("acceptance-notice");
        var loaded = DefinitionLoader.Load(Edit(r => r["steps"]![0]!["actions"]![0]!["issues"] = "reconsideration-reply"), Options);
        loaded.Errors.Should().BeEmpty();
    }

    [Test]
    public void The_sample_is_valid()
    {
        var result = DefinitionLoader.Load(Valid, Options);
        result.Errors.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Test]
    public void Bad_json_reports_the_line_and_column_and_loads_nothing()
    {
        var json = Valid.Replace("\"name\": \"示例流程\",", "\"name\": \"示例流程\"");
        var result = DefinitionLoader.Load(json, Options);

        result.IsValid.Should().BeFalse();
        result.Definition.Should().BeNull();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Line.Should().Be(LineOf(json, "\"roles\""));
        error.Message.Should().StartWith("JSON 格式错误（第").And.Contain("逗号");
    }

    [Test]
    public void A_missing_required_property_is_named()
    {
        var json = Edit(r => r.Remove("start"));
        Single(json, "start").Message.Should().Be("缺少必填属性“start”。");
    }

    [Test]
    public void A_property_of_the_wrong_type_is_reported()
    {
        var json = Edit(r => r["version"] = "一");
        var error = Single(json, "version");
        error.Message.Should().Be("“version”应为整数，实际为字符串。");
        error.Line.Should().Be(LineOf(json, "\"version\""));
    }

    [Test]
    public void An_unknown_property_suggests_the_closest_name()
    {
        var json = Edit(r => ((JObject)r["steps"]![0]!)["timelimit"] = new JObject { ["duration"] = "1wd" });
        var error = Single(json, "steps[0].timelimit");
        error.Message.Should().Be("未知属性“timelimit”，是否应为“timeLimit”？");
        error.Line.Should().Be(LineOf(json, "\"timelimit\""));
    }

    [Test]
    public void Duplicate_step_ids_are_reported_at_the_second_one()
    {
        var json = Edit(r => r["steps"]![2]!["id"] = "intake");
        var errors = Errors(json);
        errors.Should().Contain(e => e.Path == "steps[2].id" && e.Message == "环节编号“intake”重复，请改用不同的编号。");
    }

    [Test]
    public void Duplicate_action_ids_within_a_step_are_reported()
    {
        var json = Edit(r => r["steps"]![2]!["actions"]![1]!["id"] = "grant");
        Errors(json).Should().Contain(e => e.Path == "steps[2].actions[1].id" && e.Message.Contains("动作编号“grant”重复"));
    }

    [Test]
    public void An_invalid_identifier_is_reported()
    {
        var json = Edit(r => r["steps"]![0]!["actions"]![0]!["id"] = "受理");
        Errors(json).Should().Contain(e => e.Path == "steps[0].actions[0].id" && e.Message.Contains("须以英文字母开头"));
    }

    [Test]
    public void A_target_that_does_not_exist_is_reported_with_its_line()
    {
        var json = Edit(r => r["steps"]![0]!["actions"]![0]!["to"] = "nowhere");
        var error = Single(json, "steps[0].actions[0].to");
        error.Message.Should().Be("目标环节“nowhere”不存在，请改为已定义的环节编号。");
        error.Line.Should().Be(LineOf(json, "nowhere"));
    }

    [Test]
    public void An_empty_target_is_an_error_at_its_path()
    {
        var json = Edit(r => r["steps"]![0]!["actions"]![0]!["to"] = "");
        Single(json, "steps[0].actions[0].to").Message.Should().Be("“to”不能为空：请写明目标环节的编号。");
    }

    [Test]
    public void A_step_that_cannot_be_reached_is_reported()
    {
        var json = Edit(r => ((JArray)r["steps"]!).Insert(3, JObject.Parse(
            """{ "id": "orphan", "kind": "task", "name": "孤立环节", "role": "clerk", "timeLimit": { "duration": "1wd" }, "actions": [ { "id": "x", "name": "x", "to": "done" } ] }""")));
        Single(json, "steps[3].id").Message.Should().Be("环节“孤立环节”（orphan）无法从开始环节到达：请让某个环节的动作或路由指向它，或删除它。");
    }

    [Test]
    public void A_step_that_cannot_reach_an_end_is_reported()
    {
        var json = Edit(r => r["steps"]![2]!["actions"]![0]!["to"] = "approve");
        Single(json, "steps[2].id").Message.Should().Be("环节“审批”（approve）无法到达任何结束环节：请为它添加通向结束的动作或路由。");
    }

    [Test]
    public void A_join_without_a_split_is_reported()
    {
        var json = Edit(r =>
        {
            r["steps"]![0]!["actions"]![0]!["to"] = "merge";
            ((JArray)r["steps"]!).Insert(1, JObject.Parse("""{ "id": "merge", "kind": "join", "name": "汇聚", "next": "route" }"""));
        });
        Single(json, "steps[1].id").Message.Should().StartWith("汇聚环节“merge”没有对应的并行环节");
    }

    [Test]
    public void A_bad_duration_says_how_to_write_one()
    {
        var json = Edit(r => r["steps"]![0]!["timeLimit"]!["duration"] = "3 days");
        var error = Single(json, "steps[0].timeLimit.duration");
        error.Message.Should().StartWith("时限“3 days”格式不正确").And.Contain("“3wd”（工作日）");
        error.Line.Should().Be(LineOf(json, "3 days"));
    }

    [Test]
    public void An_unknown_role_lists_the_defined_ones()
    {
        var json = Edit(r => r["steps"]![2]!["role"] = "mayor");
        Single(json, "steps[2].role").Message.Should().Be("岗位“mayor”未在“roles”中定义，请先在“roles”中添加该岗位或改用已定义的岗位：clerk、head。");
    }

    [Test]
    public void A_role_missing_from_the_agency_catalog_is_reported()
    {
        var catalog = new Dictionary<string, string> { ["clerk"] = "窗口工作人员" };
        var result = DefinitionLoader.Load(Valid, RiskCheckRegistry.CreateDefault().LoadOptions() with { RoleCatalog = catalog });
        result.Errors.Should().ContainSingle(e => e.Path == "roles[1].id").Which.Message.Should().Contain("不在本单位岗位目录中");
    }

    [Test]
    public void An_unknown_risk_check_lists_the_available_ones()
    {
        var json = Edit(r => r["steps"]![0]!["checks"]![0]!["check"] = "min-experts");
        Single(json, "steps[0].checks[0].check").Message.Should().StartWith("未知的风险检查“min-experts”，可用检查：materials-complete、");
    }

    [Test]
    public void A_check_with_bad_parameters_is_reported_by_the_check()
    {
        var json = Edit(r => r["steps"]![0]!["checks"]![0]!["params"]!["field"] = "amount");
        Single(json, "steps[0].checks[0].params.field").Message.Should().Be("检查“min-participants”：字段“amount”的类型应为 list。");
    }

    [Test]
    public void A_check_for_a_risk_point_not_on_the_step_is_reported()
    {
        var json = Edit(r => ((JObject)r["steps"]![0]!).Remove("risks"));
        Single(json, "steps[0].checks[0].risk").Message.Should().Be("风险点“①”不在本环节的“risks”中，请先把它加到本环节。");
    }

    [Test]
    public void The_same_check_twice_is_a_duplicate_but_two_different_conditions_are_not()
    {
        JObject Condition(string expression) => JObject.Parse($$"""{ "risk": "①", "check": "condition", "params": { "expression": "{{expression}}", "message": "m" } }""");
        var twice = Edit(r => { ((JArray)r["steps"]![0]!["checks"]!).Add(Condition("amount > 1")); ((JArray)r["steps"]![0]!["checks"]!).Add(Condition("amount > 1")); });
        Errors(twice).Should().ContainSingle(e => e.Path == "steps[0].checks[2]" && e.Message.Contains("重复"));

        var different = Edit(r => { ((JArray)r["steps"]![0]!["checks"]!).Add(Condition("amount > 1")); ((JArray)r["steps"]![0]!["checks"]!).Add(Condition("amount < 9")); });
        Errors(different).Should().BeEmpty();
    }

    [Test]
    public void A_condition_that_does_not_parse_gives_the_column()
    {
        var json = Edit(r => r["steps"]![1]!["routes"]![0]!["when"] = "amount > 30000 &&");
        var error = Single(json, "steps[1].routes[0].when");
        error.Message.Should().StartWith("条件“amount > 30000 &&”有误：第 16 列：");
        error.Line.Should().Be(LineOf(json, "amount > 30000 &&"));
    }

    [Test]
    public void A_condition_on_an_undefined_field_is_reported()
    {
        var json = Edit(r => r["steps"]![1]!["routes"]![0]!["when"] = "total > 30000");
        Single(json, "steps[1].routes[0].when").Message.Should().Be("条件“total > 30000”引用了未定义的字段“total”。");
    }

    [Test]
    public void An_extension_beyond_the_cap_or_by_the_wrong_post_is_reported()
    {
        var json = Edit(r =>
        {
            r["steps"]![2]!["actions"]![1]!["extend"] = "15wd";
            r["steps"]![2]!["role"] = "clerk";
        });
        var errors = Errors(json);
        errors.Should().Contain(e => e.Path == "steps[2].actions[1].extend" && e.Message.Contains("超出上限“10wd”"));
        errors.Should().Contain(e => e.Path == "steps[2].actions[1].role" && e.Message.Contains("延期须由“主任”批准"));
    }

    [Test]
    public void A_timeout_naming_an_unknown_action_is_reported()
    {
        var json = Edit(r => r["steps"]![0]!["onTimeout"] = JObject.Parse("""{ "action": "deem", "label": "视为受理" }"""));
        Single(json, "steps[0].onTimeout.action").Message.Should().Be("超时动作“deem”不是本环节的动作，可选：accept。");
    }

    [Test]
    public void A_flow_without_an_end_step_is_reported()
    {
        var json = Edit(r =>
        {
            ((JArray)r["steps"]!).RemoveAt(3);
            r["steps"]![0]!["actions"]![0]!["to"] = "approve";
            r["steps"]![1]!["otherwise"] = "approve";
            r["steps"]![2]!["actions"]![0]!["to"] = "intake";
        });
        Errors(json).Should().Contain(e => e.Path == "steps" && e.Message.StartsWith("流程没有结束环节"));
    }

    [Test]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        var json = Edit(r =>
        {
            r["version"] = 0;
            r["steps"]![0]!["role"] = "mayor";
            r["steps"]![1]!["routes"]![0]!["when"] = "amount >";
            r["steps"]![2]!["actions"]![0]!["to"] = "nowhere";
        });
        var errors = Errors(json);

        errors.Select(e => e.Path).Should().Contain(["version", "steps[0].role", "steps[1].routes[0].when", "steps[2].actions[0].to"]);
        errors.Select(e => e.Line).Should().BeInAscendingOrder();
        DefinitionLoader.Load(json, Options).Definition.Should().BeNull("an invalid definition is never loaded");
    }

    [Test]
    public void Error_text_reads_as_path_line_and_message()
    {
        new DefinitionError("steps[2].role", 14, "岗位“mayor”未定义。").ToString().Should().Be("steps[2].role (第 14 行): 岗位“mayor”未定义。");
    }
}
