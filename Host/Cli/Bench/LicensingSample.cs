using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Store.Services;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>The licensing case every benchmark drives: its officials and the data each step needs.</summary>
public static class LicensingSample
{
    public static readonly Actor Clerk = new("window", "窗口", new HashSet<string> { "approval-window" });
    public static readonly Actor Reviewer = new("reviewer", "审核", new HashSet<string> { "business-section" });
    public static readonly Actor Deputy = new("deputy", "分管副主任", new HashSet<string> { "deputy-director" });
    public static readonly Actor Director = new("director", "主任", new HashSet<string> { "director" });

    public static readonly ImmutableDictionary<string, Value> Application = ImmutableDictionary<string, Value>.Empty
        .Add("applicant", Value.String("申请人")).Add("contact", Value.String("1"))
        .Add("item", Value.String("母婴保健技术服务机构执业许可")).Add("kind", Value.String("承诺件"));

    public static readonly ImmutableDictionary<string, Value> Materials = ImmutableDictionary<string, Value>.Empty
        .Add("materials", Value.List(new[] { "application", "identity", "qualification", "premises" }.Select(Value.String)));

    public static readonly ImmutableDictionary<string, Value> Delivery = ImmutableDictionary<string, Value>.Empty
        .Add("certificateNo", Value.String("001")).Add("deliveryMethod", Value.String("窗口领取"));

    public static readonly ImmutableDictionary<string, Value> Publication = ImmutableDictionary<string, Value>.Empty
        .Add("publicationRef", Value.String("市卫生健康委网站"));

    /// <summary>One action on the open step of that id.</summary>
    public sealed record Step(string StepId, string Action, Actor Actor, ImmutableDictionary<string, Value> Data, string? Opinion)
    {
        public TakeAction On(CaseState state) => new(state.Active.Single(a => a.StepId == StepId).TaskId, Action, Data, Opinion);
    }

    /// <summary>After the start: accept, review, the two approvals, the issue of the licence and its publication.</summary>
    public static readonly Step[] Steps =
    [
        new("intake", "accept", Clerk, Materials, null),
        new("review", "pass", Reviewer, ImmutableDictionary<string, Value>.Empty, "符合条件"),
        new("approve-deputy", "agree", Deputy, ImmutableDictionary<string, Value>.Empty, "同意"),
        new("approve-director", "grant", Director, ImmutableDictionary<string, Value>.Empty, "准予"),
        new("issue", "deliver", Clerk, Delivery, null),
        new("publish-decision", "published", Clerk, Publication, null),
    ];

    /// <summary>The actions of one whole case: its start and every step.</summary>
    public static int ActionsPerCase => Steps.Length + 1;

    /// <summary>Drives one whole case through the service.</summary>
    public static async Task RunCaseAsync(CaseService cases)
    {
        var result = await cases.StartAsync("licensing-approval", Application, Clerk);
        var id = result.Record!.Id;
        foreach (var step in Steps)
        {
            result = await cases.ExecuteAsync(id, step.On(result.State!), step.Actor);
            if (!result.IsApplied) throw new InvalidOperationException($"Benchmark action refused: {result.Outcome}");
        }
    }
}
