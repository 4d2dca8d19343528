using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Server.Cli.Bench;

/// <summary>The pure core on one thread: full licensing cases, and deadline computations.</summary>
public static class CoreBenchmarks
{
    public static Measurement Actions(FlowDefinition licensing, WorkCalendar calendar, int casesPerRound)
    {
        var runtime = new WorkflowRuntime(new RuntimeEnvironment(calendar, RiskCheckRegistry.CreateDefault(), FixedRoster.Empty));
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, WorkCalendar.ChinaOffset);
        int RunCases()
        {
            var actions = 0;
            for (var i = 0; i < casesPerRound; i++)
            {
                var now = start.AddMinutes(i % 600);
                var state = Apply(runtime.Execute(licensing, null, new StartCase("c" + i, LicensingSample.Application), LicensingSample.Clerk, now));
                foreach (var step in LicensingSample.Steps)
                    state = Apply(runtime.Execute(licensing, state, step.On(state), step.Actor, now));
                if (!state.IsClosed) throw new InvalidOperationException("The benchmark case did not end.");
                actions += LicensingSample.ActionsPerCase;
            }
            return actions;
        }

        var rate = Rounds.MedianRate(7, RunCases);
        return new Measurement("Pure-core actions, full licensing cases, one thread", rate, "actions/s", "≥ 100,000/s", rate >= 100_000,
            $"median of 7 rounds × {casesPerRound:N0} cases × {LicensingSample.ActionsPerCase} actions (start, accept, review, two approvals, issue, publication) with risk checks and timers");
    }

    private static CaseState Apply(CommandResult result) =>
        result is Applied applied ? applied.State : throw new InvalidOperationException($"Benchmark command refused: {result}");

    public static Measurement Deadlines(WorkCalendar calendar, int perRound)
    {
        Period[] periods = [Period.Parse("3wd"), Period.Parse("20wd"), Period.Parse("60d"), Period.Parse("7d"), Period.Parse("2h"), Period.Parse("10wd")];
        var starts = Enumerable.Range(0, 4096).Select(i => new DateTimeOffset(2024, 1, 1, 9, 0, 0, WorkCalendar.ChinaOffset).AddHours(i * 13.7)).ToArray();
        long sink = 0;
        int Run()
        {
            for (var i = 0; i < perRound; i++) sink += calendar.Add(starts[i & 4095], periods[i % periods.Length]).DueAt.UtcTicks;
            return perRound;
        }
        var rate = Rounds.MedianRate(7, Run);
        GC.KeepAlive(sink);
        return new Measurement("Deadline computations (WorkCalendar.Add)", rate, "per s", "≥ 5,000,000/s", rate >= 5_000_000,
            $"median of 7 rounds × {perRound:N0}; wd, d and h periods from starts across 2024–2030");
    }
}
