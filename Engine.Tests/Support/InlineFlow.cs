using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;

namespace WorkflowEngine.Tests.Support;

/// <summary>Builds small definitions inside a test: one post "clerk" and a head "head", fields and steps given as JSON.</summary>
internal static class InlineFlow
{
    public static readonly Engine.Cases.Actor Clerk = People.Make("c1", "窗口甲", "clerk");
    public static readonly Engine.Cases.Actor Clerk2 = People.Make("c2", "窗口乙", "clerk");
    public static readonly Engine.Cases.Actor Head = People.Make("h1", "主任", "head", "clerk");

    public static FlowDefinition Load(string fields, string steps, string extra = "", RiskCheckRegistry? checks = null)
    {
        var json = $$"""
            {
              "id": "inline", "version": 1, "name": "测试流程",
              "roles": [ { "id": "clerk", "name": "窗口" }, { "id": "head", "name": "主任" } ],
              "fields": [ {{fields}} ],
              "riskPoints": [ { "id": "①", "level": 2, "text": "风险一" }, { "id": "②", "level": 1, "text": "风险二" } ],
              {{extra}}
              "start": "a",
              "steps": [ {{steps}}, { "id": "end", "kind": "end", "name": "办结", "outcome": "completed" } ]
            }
            """;
        var result = DefinitionLoader.Load(json, new DefinitionLoadOptions(checks ?? RiskCheckRegistry.CreateDefault()));
        if (!result.IsValid) Assert.Fail("inline definition invalid:\n" + string.Join("\n", result.Errors));
        return result.Definition!;
    }

    /// <summary>One task step "a" by the clerk with one action "go" to the end, carrying the given checks.</summary>
    public static FlowDefinition OneStep(string fields, string checks, string timeLimit = "\"timeLimit\": { \"duration\": \"2wd\" },") =>
        Load(fields, $$"""
            { "id": "a", "kind": "task", "name": "受理", "role": "clerk", {{timeLimit}} "risks": ["①", "②"],
              "actions": [ { "id": "go", "name": "办理", "to": "end" }, { "id": "other", "name": "其他", "to": "end" } ],
              "checks": [ {{checks}} ] }
            """);

    public static readonly Engine.Cases.IRoster Roster = new Engine.Cases.FixedRoster(new Dictionary<string, IReadOnlyList<Engine.Cases.RosterMember>>
    {
        ["clerk"] = [new(Clerk.Id, Clerk.Name), new(Clerk2.Id, Clerk2.Name), new(Head.Id, Head.Name)],
        ["head"] = [new(Head.Id, Head.Name)],
    });

    public static CaseDriver Drive(FlowDefinition definition, object? data = null, string start = "2026-03-02T10:00+08:00") =>
        new CaseDriver(definition, CaseDriver.At(start), roster: Roster).Start(data ?? new { }, Clerk);
}
