using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>The pure core on one thread: full licensing cases, and deadline computations.</summary>
public static class CoreBenchmarks
{
    private static readonly Actor Clerk = new("clerk", "窗口", new HashSet<string> { "approval-window" });
    private static readonly Actor Reviewer = new("reviewer", "审核", new HashSet<string> { "business-section" });
    private static readonly Actor Deputy = new("deputy", "分管副主任", new HashSet<string> { "deputy-director" });
    private static readonly Actor Director = new("director", "主任", new HashSet<string> { "director" });

    public static Measurement Actions(FlowDefinition licensing, WorkCalendar calendar, int casesPerRound)
    {
        var runtime = new WorkflowRuntime(new RuntimeEnvironment(calendar, RiskCheckRegistry.CreateDefault(), FixedRoster.Empty));
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, WorkCalendar.ChinaOffset);
        var data = ImmutableDictionary<string, Value>.Empty.Add("applicant", Value.String("申请人")).Add("contact", Value.String("1"))
            .Add("item", Value.String("母婴保健技术服务机构执业许可")).Add("kind", Value.String("承诺件"));
        var materials = ImmutableDictionary<string, Value>.Empty
            .Add("materials", Value.List(new[] { "application", "identity", "qualification", "premises" }.Select(Value.String)));
        var delivery = ImmutableDictionary<string, Value>.Empty.Add("certificateNo", Value.String("001")).Add("deliveryMethod", Value.String("窗口领取"));
        var empty = ImmutableDictionary<string, Value>.Empty;

        int RunCases()
        {
            var actions = 0;
            for (var i = 0; i < casesPerRound; i++)
            {
                var now = start.AddMinutes(i % 600);
                var state = Apply(runtime.Execute(licensing, null, new StartCase("c" + i, data), Clerk, now));
                state = Apply(runtime.Execute(licensing, state, new TakeAction(state.Active[0].TaskId, "accept", materials, null), Clerk, now));
                state = Apply(runtime.Execute(licensing, state, new TakeAction(state.Active[0].TaskId, "pass", empty, "符合条件"), Reviewer, now));
                state = Apply(runtime.Execute(licensing, state, new TakeAction(state.Active[0].TaskId, "agree", empty, "同意"), Deputy, now));
                state = Apply(runtime.Execute(licensing, state, new TakeAction(state.Active[0].TaskId, "grant", empty, "准予"), Director, now));
                state = Apply(runtime.Execute(licensing, state, new TakeAction(state.Active[0].TaskId, "deliver", delivery, null), Clerk, now));
                if (!state.IsClosed) throw new InvalidOperationException("The benchmark case did not end.");
                actions += 6;
            }
            return actions;
        }

        var rate = Rounds.MedianRate(7, RunCases);
        return new Measurement("Pure-core actions, full licensing cases, one thread", rate, "actions/s", "≥ 100,000/s", rate >= 100_000,
            $"median of 7 rounds × {casesPerRound:N0} cases × 6 actions (start, accept, review, two approvals, issue) with risk checks and timers");
    }

    private static CaseState Apply(CommandResult result) =>
        result is Applied applied ? applied.State : throw new InvalidOperationException($"Benchmark command refused: {result}");

    public static Measurement Deadlines(WorkCalendar calendar, int perRound)
    {
        Duration[] durations = [Duration.Parse("3wd"), Duration.Parse("20wd"), Duration.Parse("60d"), Duration.Parse("7d"), Duration.Parse("2h"), Duration.Parse("10wd")];
        var starts = Enumerable.Range(0, 4096).Select(i => new DateTimeOffset(2024, 1, 1, 9, 0, 0, WorkCalendar.ChinaOffset).AddHours(i * 13.7)).ToArray();
        long sink = 0;
        int Run()
        {
            for (var i = 0; i < perRound; i++) sink += calendar.Add(starts[i & 4095], durations[i % durations.Length]).DueAt.UtcTicks;
            return perRound;
        }
        var rate = Rounds.MedianRate(7, Run);
        GC.KeepAlive(sink);
        return new Measurement("Deadline computations (WorkCalendar.Add)", rate, "per s", "≥ 5,000,000/s", rate >= 5_000_000,
            $"median of 7 rounds × {perRound:N0}; wd, d and h periods from starts across 2024–2030");
    }
}
