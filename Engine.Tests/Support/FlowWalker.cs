using System.Collections.Immutable;
using WorkflowEngine.Engine.Audit;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;

namespace WorkflowEngine.Tests.Support;

/// <summary>
/// Drives a definition through the real runtime on a simulated clock until every move — each action,
/// each vote outcome, each timeout and each notice period — has been taken and every end reached.
/// Each case must end; its history must verify; every step with a time limit must have had its deadline.
/// </summary>
internal sealed class FlowWalker
{
    private const int MaxCases = 300;
    private const int ExploreMoves = 40;
    private const int FinishMoves = 200;

    private readonly FlowDefinition _def;
    private readonly IRoster _roster;
    private readonly Random _random = new(20260302);
    private readonly HashSet<string> _covered = [];
    private readonly Dictionary<string, int> _distanceToEnd;
    private readonly List<ImmutableDictionary<string, Value>> _variants;
    private int _actors;

    public FlowWalker(FlowDefinition definition)
    {
        _def = definition;
        _roster = BuildRoster(definition);
        _distanceToEnd = Distances(definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Id));
        _variants = DataVariants(definition);
        AllMoves = definition.Steps.SelectMany(s => MovesOf(s).Select(m => Key(s.Id, m)))
            .Concat(definition.Withdrawal is null ? [] : [WithdrawKey])
            .ToHashSet();
    }

    public IReadOnlySet<string> AllMoves { get; }
    public IReadOnlySet<string> Covered => _covered;
    public HashSet<string> EndsReached { get; } = [];
    public List<string> Problems { get; } = [];
    public int CasesRun { get; private set; }

    private const string Withdraw = "withdraw";
    private const string WithdrawKey = "$case/withdraw";

    private static string Key(string step, string move) => move == Withdraw ? WithdrawKey : $"{step}/{move}";

    public FlowWalker Run()
    {
        for (var i = 0; i < MaxCases && (_covered.Count < AllMoves.Count || EndsReached.Count < EndCount); i++)
        {
            RunCase(_variants[i % _variants.Count]);
            CasesRun++;
            if (Problems.Count > 0) break;
        }
        return this;
    }

    private int EndCount => _def.Steps.Count(s => s.Kind == StepKind.End);

    private void RunCase(ImmutableDictionary<string, Value> data)
    {
        var driver = new CaseDriver(_def, CaseDriver.At("2026-03-02T09:00+08:00"), roster: _roster);
        var start = _def.Step(_def.StartStepId);
        var starter = NewActor(start switch { TaskStep t => t.Role, VoteStep v => v.RecorderRole ?? v.MembersRole, _ => "" });
        var started = driver.Try(new StartCase("walk", data), starter);
        if (started is not Applied)
        {
            Problems.Add($"无法启动案件：{started}");
            return;
        }
        var seenTasks = new HashSet<string>();
        CheckNewSteps(driver, seenTasks);

        for (var move = 0; move < ExploreMoves + FinishMoves && !driver.State.IsClosed; move++)
        {
            var finishing = move >= ExploreMoves;
            var candidates = driver.State.Active.SelectMany(a => AvailableMoves(driver, a).Select(m => (Task: a, Move: m))).ToList();
            if (CanWithdraw(driver)) candidates.Add((driver.State.Active[0], Withdraw));
            if (candidates.Count == 0)
            {
                Problems.Add($"死路：案件停在 {string.Join("、", driver.OpenSteps)}，没有可办理的动作。");
                return;
            }
            var ordered = Order(candidates, finishing);
            var done = false;
            foreach (var (task, m) in ordered)
            {
                if (!Perform(driver, task, m)) continue;
                _covered.Add(Key(task.StepId, m));
                done = true;
                break;
            }
            if (!done)
            {
                Problems.Add($"死路：在 {string.Join("、", driver.OpenSteps)} 所有动作都被拒绝。");
                return;
            }
            CheckNewSteps(driver, seenTasks);
            driver.AdvanceTo(driver.Now.AddHours(2));
        }

        if (!driver.State.IsClosed)
        {
            Problems.Add($"案件在 {ExploreMoves + FinishMoves} 步内没有结束，停在 {string.Join("、", driver.OpenSteps)}。");
            return;
        }
        EndsReached.Add(driver.State.EndStepId!);
        var chain = HistoryChain.Verify(HistoryChain.Seal("walk", 1, HistoryChain.Genesis, driver.History));
        if (!chain.Valid) Problems.Add($"历史记录校验失败：{chain.Reason}");
    }

    /// <summary>Every newly opened step with a time limit must have asked for its overdue timer.</summary>
    private void CheckNewSteps(CaseDriver driver, HashSet<string> seen)
    {
        foreach (var active in driver.State.Active.Where(a => seen.Add(a.TaskId)))
        {
            var step = _def.Step(active.StepId);
            if (step.TimeLimit is not null && driver.Timers.All(t => t.Key != TimerKeys.StepLimit(active.TaskId, DeadlineLevel.Red)))
                Problems.Add($"环节“{step.Name}”有办理时限，但进入时没有设定期限。");
            if (step is WaitStep && driver.Timers.All(t => t.Key != TimerKeys.WaitEnd(active.TaskId)))
                Problems.Add($"等待环节“{step.Name}”没有设定期满时间。");
        }
    }

    private IEnumerable<(ActiveStep Task, string Move)> Order(List<(ActiveStep Task, string Move)> candidates, bool finishing)
    {
        var shuffled = candidates.OrderBy(_ => _random.Next()).ToList();
        if (finishing)
            return shuffled.Where(c => !Stays(c.Task, c.Move)).OrderBy(c => TargetDistance(c.Task, c.Move, _distanceToEnd))
                .Concat(shuffled.Where(c => Stays(c.Task, c.Move)));
        var uncoveredSteps = AllMoves.Where(m => !_covered.Contains(m) && m != WithdrawKey).Select(m => m[..m.LastIndexOf('/')])
            .Concat(_def.Steps.OfType<EndStep>().Select(e => e.Id).Where(e => !EndsReached.Contains(e)))
            .ToHashSet();
        var towardUncovered = Distances(uncoveredSteps);
        return shuffled
            .OrderBy(c => _covered.Contains(Key(c.Task.StepId, c.Move)) ? 1 : 0)
            .ThenBy(c => TargetDistance(c.Task, c.Move, towardUncovered))
            .ThenBy(c => TargetDistance(c.Task, c.Move, _distanceToEnd));
    }

    private bool Stays(ActiveStep task, string move) => Targets(_def.Step(task.StepId), move).All(t => t == task.StepId);

    private int TargetDistance(ActiveStep task, string move, Dictionary<string, int> distances) =>
        Targets(_def.Step(task.StepId), move).Select(t => distances.GetValueOrDefault(t, 10_000)).DefaultIfEmpty(10_000).Min();

    // ---- the moves of each step kind ---------------------------------------------------------------

    private static IEnumerable<string> MovesOf(StepDefinition step) => step switch
    {
        TaskStep t => t.Actions.Where(a => !a.SystemOnly).Select(a => a.Id).Concat(t.OnTimeout is null ? [] : ["timeout"]),
        WaitStep w => w.Actions.Select(a => a.Id).Append(WaitResults.PeriodEnded),
        VoteStep v => new[] { VoteResults.Passed, VoteResults.Rejected, VoteResults.NoQuorum }
            .Concat(v.DeferWhenMarginAtMost is null ? [] : [VoteResults.Deferred]),
        _ => [],
    };

    private IEnumerable<string> AvailableMoves(CaseDriver driver, ActiveStep task)
    {
        var step = _def.Step(task.StepId);
        foreach (var move in MovesOf(step))
        {
            if (move == VoteResults.Deferred && ((VoteStep)step).UrgentCondition?.EvaluateCondition(new ExpressionScope(driver.State.Data, _def.Constants)) == true) continue;
            if (step is TaskStep t && t.FindAction(move)?.Extend is not null && !Allowed(driver, task, t.FindAction(move)!)) continue;
            yield return move;
        }
    }

    /// <summary>Whether the runtime's outlook lets a holder of the action's post take it now (an extension within its cap …).</summary>
    private bool Allowed(CaseDriver driver, ActiveStep task, ActionDefinition action)
    {
        var actor = ActorFor(task, action);
        return driver.Runtime.Describe(_def, driver.State, actor, driver.Now).Tasks
            .Single(t => t.TaskId == task.TaskId).Actions.Single(a => a.Id == action.Id).Permission.Allowed;
    }

    private bool CanWithdraw(CaseDriver driver) =>
        _def.Withdrawal is { } w && driver.Runtime.Describe(_def, driver.State, NewActor(w.Role), driver.Now).Withdraw.Allowed;

    private IEnumerable<string> Targets(StepDefinition step, string move) => move == Withdraw ? [_def.Withdrawal!.To] : step switch
    {
        TaskStep t when move == "timeout" => [t.FindAction(t.OnTimeout!.ActionId)!.To!],
        TaskStep t => [t.FindAction(move)!.To ?? t.Id],
        WaitStep w when move == WaitResults.PeriodEnded => [w.Next],
        WaitStep w => [w.FindAction(move)!.To!],
        VoteStep v => move switch
        {
            VoteResults.Passed => [v.Outcomes.Passed],
            VoteResults.Rejected => [v.Outcomes.Rejected],
            VoteResults.Deferred => [v.Outcomes.Deferred ?? v.Id],
            _ => [v.Id],
        },
        _ => [],
    };

    private bool Perform(CaseDriver driver, ActiveStep task, string move)
    {
        var step = _def.Step(task.StepId);
        if (move == Withdraw)
            return driver.Try(new Engine.Runtime.Withdraw("申请人书面要求撤回"), NewActor(_def.Withdrawal!.Role)) is Applied;
        switch (step)
        {
            case TaskStep t when move == "timeout":
                driver.AdvanceTo(driver.Timers.Single(x => x.Key == TimerKeys.Timeout(task.TaskId)).FireAt);
                return true;
            case WaitStep when move == WaitResults.PeriodEnded:
                driver.AdvanceTo(driver.Timers.Single(x => x.Key == TimerKeys.WaitEnd(task.TaskId)).FireAt);
                return true;
            case VoteStep v:
                return Vote(driver, task, v, move);
            default:
                var actions = step is TaskStep ts ? ts.Actions : ((WaitStep)step).Actions;
                var action = actions.Single(a => a.Id == move);
                var opinion = action.Opinion == OpinionRule.None ? null : "经审查，同意。";
                return driver.Try(new TakeAction(task.TaskId, action.Id, ImmutableDictionary<string, Value>.Empty, opinion, ItemDecisions(driver, step, action)),
                    ActorFor(task, action)) is Applied;
        }
    }

    private int _batchRounds;

    /// <summary>At a batch decide point: every open item granted, denied, or alternately, in turn, so that every route after it is walked.</summary>
    private IReadOnlyList<ItemDecision>? ItemDecisions(CaseDriver driver, StepDefinition step, ActionDefinition action)
    {
        if (_def.Batch?.Decides(step.Id, action.Id) != true) return null;
        var round = _batchRounds++ % 3;
        return BatchLedger.Items(_def, driver.State.Data).Where(i => i.IsOpen)
            .Select((item, n) => round == 0 || (round == 2 && n % 2 == 0) ? new ItemDecision(item.Key, BatchItem.Grant, null)
                : new ItemDecision(item.Key, BatchItem.Deny, "不符合条件"))
            .ToList();
    }

    private bool Vote(CaseDriver driver, ActiveStep task, VoteStep step, string move)
    {
        var vote = task.Vote!;
        var members = vote.Members.Select(id => MemberActor(step, vote, id)).ToList();
        var closer = members.FirstOrDefault(m => vote.Chairs.Contains(m.Id)) ?? NewActor(step.RecorderRole!);
        if (move != VoteResults.NoQuorum)
        {
            foreach (var m in members) driver.Must(new AttendVote(task.TaskId), m);
            var ordered = members.OrderBy(m => vote.Chairs.Contains(m.Id) ? 1 : 0).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var choice = move switch
                {
                    VoteResults.Passed => VoteChoice.For,
                    VoteResults.Rejected => VoteChoice.Against,
                    _ => i % 2 == 0 ? VoteChoice.For : VoteChoice.Against,
                };
                driver.Must(new CastVote(task.TaskId, choice, Candidates: Ballot(driver, step, vote, choice)), ordered[i]);
            }
        }
        driver.Must(new CloseVote(task.TaskId), closer);
        var result = driver.State.Trail.Last(t => t.TaskId == task.TaskId).ActionId;
        if (result != move) Problems.Add($"表决环节“{step.Name}”期望结果 {move}，实际为 {result}。");
        return result == move;
    }

    /// <summary>
    /// For a vote on candidates, the same choice on every listed candidate and, when names may be written in, on the
    /// case's text values (so that a later check naming a person from the data can be met); null for other votes.
    /// </summary>
    private static IReadOnlyDictionary<string, VoteChoice>? Ballot(CaseDriver driver, VoteStep step, VoteState vote, VoteChoice choice)
    {
        if (step.Candidates is not { } rule) return null;
        var names = vote.Candidates.Select(c => c.Name)
            .Concat(rule.WriteIns ? driver.State.Data.Values.Where(v => v.Kind == ValueKind.String).Select(v => v.AsString) : [])
            .Distinct().Take(choice == VoteChoice.For ? rule.MaxChoices ?? int.MaxValue : int.MaxValue);
        return names.ToDictionary(n => n, _ => choice);
    }

    // ---- people and data ---------------------------------------------------------------------------

    private Actor NewActor(string role) => new($"walker-{++_actors}", $"办理人{_actors}", new HashSet<string> { role });

    /// <summary>A holder of the action's post, or the person an approver rule named on the task.</summary>
    private Actor ActorFor(ActiveStep task, ActionDefinition action) =>
        action.Role is null && task.Assignees is { Count: > 0 } people
            ? new Actor(people[0], people[0], new HashSet<string>())
            : NewActor(action.Role ?? (_def.Step(task.StepId) as TaskStep)?.Role ?? "");

    private static Actor MemberActor(VoteStep step, VoteState vote, string id)
    {
        var roles = new HashSet<string> { step.MembersRole };
        if (vote.Chairs.Contains(id) && step.ChairRole is not null) roles.Add(step.ChairRole);
        return new Actor(id, id, roles);
    }

    /// <summary>Five holders for each post that sits in a vote; the first also holds the vote's chair post.</summary>
    internal static IRoster BuildRoster(FlowDefinition definition)
    {
        var holders = new Dictionary<string, List<RosterMember>>();
        foreach (var vote in definition.Steps.OfType<VoteStep>())
        {
            var members = Enumerable.Range(1, 5).Select(i => new RosterMember($"{vote.MembersRole}-{i}", $"{vote.MembersRole}-{i}")).ToList();
            holders[vote.MembersRole] = members;
            if (vote.ChairRole is not null)
                holders[vote.ChairRole] = [.. holders.GetValueOrDefault(vote.ChairRole, []), members[0]];
        }
        return new WalkerRoster(new FixedRoster(holders.ToDictionary(p => p.Key, p => (IReadOnlyList<RosterMember>)p.Value)));
    }

    /// <summary>Everyone belongs to one department, headed by "walker-head" with "walker-leader" in charge of it.</summary>
    private sealed class WalkerRoster(IRoster posts) : IRoster
    {
        private static readonly OrgDepartment Only = new("walker-dept", "示例科室", "walker-head", "walker-leader");

        public IReadOnlyList<RosterMember> Holders(string role) => posts.Holders(role);
        public string? NameOf(string memberId) => posts.NameOf(memberId) ?? memberId;
        public OrgPerson? Person(string userId) => new(userId, userId, Only.Id);
        public OrgDepartment? Department(string departmentId) => departmentId == Only.Id ? Only : null;
    }

    /// <summary>
    /// Start data with every field filled, in variants that flip each choice, boolean and number so that
    /// every route of every decision gets taken.
    /// </summary>
    internal static List<ImmutableDictionary<string, Value>> DataVariants(FlowDefinition definition)
    {
        ImmutableDictionary<string, Value> Fill(bool flag, decimal number, Func<FieldDefinition, int> choice) =>
            definition.Fields.ToImmutableDictionary(f => f.Id, f => f.Type switch
            {
                FieldType.Text => Value.String("测试" + f.Label),
                FieldType.Number => Value.Number(number),
                FieldType.Date => Value.String("2026-03-02"),
                FieldType.Boolean => Value.Bool(flag),
                FieldType.Choice => Value.String(f.Options[choice(f) % f.Options.Count]),
                FieldType.List => Value.List(new[] { "张三", "李四", "王五" }.Select(Value.String)
                    .Concat(definition.Fields.SelectMany(m => m.Items).Select(i => Value.String(i.Id)))),
                _ => Value.List(f.Items.Select(i => Value.String(i.Id))),
            });

        var variants = new List<ImmutableDictionary<string, Value>>();
        var maxOptions = definition.Fields.Select(f => f.Options.Count).DefaultIfEmpty(1).Max();
        foreach (var flag in new[] { true, false })
            foreach (var number in Numbers(definition))
                for (var option = 0; option < Math.Max(1, maxOptions); option++)
                    variants.Add(Fill(flag, number, _ => option));
        return variants;
    }

    /// <summary>
    /// 1, 1,000,000,000, and each threshold written in the definition (numeric constants and the numbers in
    /// its conditions) and one above it, so that every tier of a numeric routing is reached.
    /// </summary>
    private static IEnumerable<decimal> Numbers(FlowDefinition definition)
    {
        var conditions = definition.Steps.OfType<DecisionStep>().SelectMany(d => d.Routes.Select(r => r.When))
            .Concat(definition.Steps.SelectMany(s => s.Checks).Select(c => c.When).OfType<string>());
        var thresholds = definition.Constants.Values.Where(v => v.Kind == ValueKind.Number).Select(v => v.AsNumber)
            .Concat(conditions.SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c, @"\b\d+(\.\d+)?\b"))
                .Select(m => decimal.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)));
        return new[] { 1m, 1_000_000_000m }.Concat(thresholds.SelectMany(t => new[] { t, t + 1 })).Distinct();
    }

    /// <summary>Fewest moves from each step to any of the given steps, over the definition's graph.</summary>
    private Dictionary<string, int> Distances(IEnumerable<string> goals)
    {
        var reverse = _def.Steps.ToDictionary(s => s.Id, _ => new List<string>());
        foreach (var step in _def.Steps)
        {
            var targets = step.Targets.Select(t => t.Target).ToList();
            if (step is ParallelStep p) targets.Add(p.Join);
            foreach (var t in targets.Where(reverse.ContainsKey)) reverse[t].Add(step.Id);
        }
        var distance = goals.Distinct().ToDictionary(g => g, _ => 0);
        var queue = new Queue<string>(distance.Keys);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var previous in reverse[at].Where(p => !distance.ContainsKey(p)))
            {
                distance[previous] = distance[at] + 1;
                queue.Enqueue(previous);
            }
        }
        return distance;
    }
}
