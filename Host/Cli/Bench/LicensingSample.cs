using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Expressions;

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

    /// <summary>After the start: accept, review, the two approvals and the issue of the licence.</summary>
    public static readonly (string Action, Actor Actor, ImmutableDictionary<string, Value> Data, string? Opinion)[] Steps =
    [
        ("accept", Clerk, Materials, null),
        ("pass", Reviewer, ImmutableDictionary<string, Value>.Empty, "符合条件"),
        ("agree", Deputy, ImmutableDictionary<string, Value>.Empty, "同意"),
        ("grant", Director, ImmutableDictionary<string, Value>.Empty, "准予"),
        ("deliver", Clerk, Delivery, null),
    ];
}
