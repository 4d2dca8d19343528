using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Flows;

/// <summary>
/// “3万元以上” includes 30,000 (民法典第一千二百五十九条): every flow that routes on the 3 万元 threshold, driven
/// with an amount of exactly 30,000, reaches its collective decision.
/// </summary>
public class ThresholdInclusiveTests
{
    private const decimal Threshold = 30000m;

    private static IEnumerable<TestCaseData> Flows() =>
        Repo.FlowFiles.Select(f => Repo.Flow(Path.GetFileNameWithoutExtension(f)))
            .Where(f => CollectiveTargets(f).Any())
            .Select(f => new TestCaseData(f.Id).SetName($"At exactly 30000 {f.Id} reaches its collective decision"));

    /// <summary>The steps a decision sends the case to when a condition reads a constant of 30,000.</summary>
    private static IEnumerable<string> CollectiveTargets(FlowDefinition flow)
    {
        var names = flow.Constants.Where(c => c.Value.Kind == ValueKind.Number && c.Value.AsNumber == Threshold).Select(c => c.Key).ToList();
        return flow.Steps.OfType<DecisionStep>().SelectMany(d => d.Routes)
            .Where(r => names.Any(n => r.When.Contains(n)) || r.When.Contains("30000"))
            .Select(r => r.To).Distinct();
    }

    [Test]
    public void The_flows_with_the_threshold_are_found()
    {
        Flows().Count().Should().BeGreaterThanOrEqualTo(6);
    }

    [TestCaseSource(nameof(Flows))]
    public void Walk(string id)
    {
        var flow = Repo.Flow(id);
        var targets = CollectiveTargets(flow).ToHashSet();
        var distance = DistancesTo(flow, targets);
        var routeText = string.Join(" ", flow.Steps.OfType<DecisionStep>().SelectMany(d => d.Routes).Select(r => r.When));
        var data = flow.Fields.ToImmutableDictionary(f => f.Id, f => f.Type switch
        {
            FieldType.Number => Value.Number(Threshold),
            FieldType.Text => Value.String("测试" + f.Label),
            FieldType.Date => Value.String("2026-03-02"),
            FieldType.Boolean => Value.Bool(false),
            FieldType.Choice => Value.String(f.Options.FirstOrDefault(o => !routeText.Contains($"'{o}'")) ?? f.Options[0]),
            FieldType.List => Value.List(new[] { "张三", "李四" }.Select(Value.String)),
            _ => Value.List(f.Items.Select(i => Value.String(i.Id))),
        });
        var roster = new FixedRoster(flow.Steps.OfType<VoteStep>().Select(v => v.MembersRole).Distinct().ToDictionary(r => r,
            r => (IReadOnlyList<RosterMember>)Enumerable.Range(1, 5).Select(i => new RosterMember($"{r}-{i}", $"{r}-{i}")).ToList()));
        var c = new CaseDriver(flow, CaseDriver.At("2026-03-02T09:00+08:00"), roster: roster);
        var n = 0;
        var start = flow.Step(flow.StartStepId);
        c.Start(data.ToDictionary(p => p.Key, p => (object?)ToPlain(p.Value)), Actor(start is TaskStep t ? t.Role : "x", ++n));

        var allRefusals = new List<string>();
        for (var move = 0; move < 60 && !c.OpenSteps.Any(targets.Contains); move++)
        {
            c.State.IsClosed.Should().BeFalse($"{id} ended at {c.State.EndStepId} without reaching {string.Join("、", targets)}; refused on the way: {string.Join("; ", allRefusals)}");
            var options = c.State.Active
                .Select(a => (Active: a, Step: flow.Step(a.StepId)))
                .Where(x => x.Step is TaskStep)
                .SelectMany(x => ((TaskStep)x.Step).Actions.Where(a => !a.SystemOnly && a.To is not null && a.Extend is null)
                    .Select(a => (x.Active, Step: (TaskStep)x.Step, Action: a)))
                .OrderBy(x => distance.GetValueOrDefault(x.Action.To!, 10_000))
                .ToList();
            options.Should().NotBeEmpty($"{id} stopped at {string.Join("、", c.OpenSteps)}");
            var refusals = new List<string>();
            var done = false;
            foreach (var o in options)
            {
                var actor = Actor(o.Action.Role ?? o.Step.Role, ++n);
                var result = c.Try(new TakeAction(o.Active.TaskId, o.Action.Id, ImmutableDictionary<string, Value>.Empty, "同意"), actor);
                if (result is Applied)
                {
                    done = true;
                    break;
                }
                refusals.Add($"{o.Step.Id}/{o.Action.Id}: {result}");
            }
            done.Should().BeTrue($"{id}: every action at {string.Join("、", c.OpenSteps)} was refused");
            allRefusals.AddRange(refusals);
        }

        c.OpenSteps.Should().Contain(s => targets.Contains(s), $"{id}: 30000 is “3万元以上” and goes to the collective decision");
    }

    private static object? ToPlain(Value v) => v.Kind switch
    {
        ValueKind.Number => v.AsNumber,
        ValueKind.String => v.AsString,
        ValueKind.Boolean => v.AsBoolean,
        ValueKind.List => v.AsList.Select(x => x.AsString).ToArray(),
        _ => null,
    };

    private static Actor Actor(string role, int n) => new($"t{n}", $"办理人{n}", new HashSet<string> { role });

    private static Dictionary<string, int> DistancesTo(FlowDefinition flow, IReadOnlySet<string> goals)
    {
        var reverse = flow.Steps.ToDictionary(s => s.Id, _ => new List<string>());
        foreach (var step in flow.Steps)
            foreach (var (t, _) in step.Targets)
                if (reverse.ContainsKey(t)) reverse[t].Add(step.Id);
        var distance = goals.ToDictionary(g => g, _ => 0);
        var queue = new Queue<string>(goals);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var p in reverse[at].Where(p => !distance.ContainsKey(p)))
            {
                distance[p] = distance[at] + 1;
                queue.Enqueue(p);
            }
        }
        return distance;
    }
}
