using System.Text.RegularExpressions;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Definitions.Validation;

/// <summary>
/// The semantic rules of a definition: identifiers, references, step-kind rules, conditions, risk checks and
/// the shape of the graph. Structural problems were already reported by the reader.
/// </summary>
internal sealed partial class DefinitionValidator
{
    private readonly FlowDefinition _d;
    private readonly DefinitionLoadOptions _options;
    private readonly ErrorSink _errors;

    private DefinitionValidator(FlowDefinition definition, DefinitionLoadOptions options, ErrorSink errors)
    {
        _d = definition;
        _options = options;
        _errors = errors;
    }

    /// <summary>Adds every problem found to <paramref name="errors"/>.</summary>
    public static void Validate(FlowDefinition definition, DefinitionLoadOptions options, ErrorSink errors) =>
        new DefinitionValidator(definition, options, errors).Run();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();

    private void Error(SourceLocation at, string message) => _errors.Add(at, message);

    private void Run()
    {
        CheckId(_d.Id, _d.At("id"), "流程");
        CheckIdentifiers();
        CheckRoles();
        CheckFields();
        CheckStepReference(_d.StartStepId, _d.At("start"), "开始环节");
        if (_d.FindStep(_d.StartStepId) is EndStep) Error(_d.At("start"), "开始环节不能是结束环节。");
        foreach (var step in _d.Steps) CheckStep(step);
        CheckJoins();
        CheckLimits();
        CheckWithdrawal();
        CheckBatch();
        CheckGraph();
    }

    private void CheckId(string id, SourceLocation at, string what)
    {
        if (id.Length > 0 && !IdPattern().IsMatch(id))
            Error(at, $"{what}编号“{id}”无效：须以英文字母开头，只含英文字母、数字、“-”和“_”。");
    }

    private void CheckUnique<T>(IEnumerable<T> items, Func<T, string> id, Func<T, SourceLocation> at, string what)
    {
        foreach (var group in items.GroupBy(id).Where(g => g.Key.Length > 0 && g.Count() > 1))
            foreach (var duplicate in group.Skip(1))
                Error(at(duplicate), $"{what}编号“{group.Key}”重复，请改用不同的编号。");
    }

    private void CheckIdentifiers()
    {
        CheckUnique(_d.Roles, r => r.Id, r => r.At("id"), "岗位");
        CheckUnique(_d.Fields, f => f.Id, f => f.At("id"), "字段");
        CheckUnique(_d.RiskPoints, r => r.Id, r => r.At("id"), "风险点");
        CheckUnique(_d.Steps, s => s.Id, s => s.At("id"), "环节");
        foreach (var role in _d.Roles) CheckId(role.Id, role.At("id"), "岗位");
        foreach (var field in _d.Fields) CheckId(field.Id, field.At("id"), "字段");
        foreach (var step in _d.Steps) CheckId(step.Id, step.At("id"), "环节");
        foreach (var name in _d.Constants.Keys.Where(k => _d.FindField(k) is not null))
            Error(_d.At("constants"), $"常量“{name}”与字段同名，请改名。");
    }

    private void CheckRoles()
    {
        if (_options.RoleCatalog is not { } catalog) return;
        foreach (var role in _d.Roles.Where(r => !catalog.ContainsKey(r.Id)))
            Error(role.At("id"), $"岗位“{role.Id}”不在本单位岗位目录中，请使用目录中的岗位编号或先在岗位目录中添加。");
    }

    private void CheckFields()
    {
        foreach (var id in _d.CaseTitle) CheckFieldReference(id, _d.At("caseTitle"));
        foreach (var field in _d.Fields)
        {
            CheckUnique(field.Items, i => i.Id, _ => field.At("items"), $"字段“{field.Id}”的材料");
            foreach (var post in field.VisibleTo ?? [])
                if (_d.FindRole(post) is null)
                    Error(field.At("confidential"), $"保密字段“{field.Id}”的“visibleTo”中的岗位“{post}”未在“roles”中定义，请改用已定义的岗位：{string.Join("、", _d.Roles.Select(r => r.Id))}。");
            foreach (var item in field.Items) CheckCondition(item.Condition, field.At("items"));
            if (field.Type != FieldType.Choice && field.Options.Count > 0)
                Error(field.At("options"), $"只有选择型字段（choice）才能有“options”，字段“{field.Id}”的类型是 {JsonNames.Of(field.Type)}。");
        }
    }

    private void CheckRoleReference(string? role, SourceLocation at)
    {
        if (role is null || role.Length == 0) return;
        if (_d.FindRole(role) is null)
            Error(at, $"岗位“{role}”未在“roles”中定义，请先在“roles”中添加该岗位或改用已定义的岗位：{string.Join("、", _d.Roles.Select(r => r.Id))}。");
    }

    private StepDefinition? CheckStepReference(string? id, SourceLocation at, string what)
    {
        if (id is null || id.Length == 0) return null;
        var step = _d.FindStep(id);
        if (step is null) Error(at, $"{what}“{id}”不存在，请改为已定义的环节编号。");
        return step;
    }

    private void CheckFieldReference(string id, SourceLocation at)
    {
        if (_d.FindField(id) is null) Error(at, $"字段“{id}”未在“fields”中定义。");
    }

    /// <summary>A condition (already parsed by the reader, which reported its syntax) may read only the flow's fields and constants.</summary>
    private void CheckCondition(ParsedExpression? condition, SourceLocation at)
    {
        if (condition is null) return;
        foreach (var name in condition.RootFields.Where(n => _d.FindField(n) is null && !_d.Constants.ContainsKey(n) && !IsCandidateResults(n) && !IsBatchResults(n)))
            Error(at, $"条件“{condition.Source}”引用了未定义的字段“{name}”。");
    }

    /// <summary>A candidate vote writes its results into the case data under its step id (see <see cref="CandidateRule"/>).</summary>
    private bool IsCandidateResults(string name) => _d.FindStep(name) is VoteStep { Candidates: not null };

    private void CheckStep(StepDefinition step)
    {
        CheckUnique(step.Checks, c => string.Join("/", c.CheckName, c.RiskPointId, c.Phase, string.Join(",", c.Actions), c.When,
            c.Parameters.ToString(Newtonsoft.Json.Formatting.None)), c => c.Location, "风险检查");
        foreach (var risk in step.RiskPointIds.Where(r => _d.FindRiskPoint(r) is null))
            Error(step.At("risks"), $"风险点“{risk}”未在“riskPoints”中定义。");
        if (step.Clock.Pauses && !step.OpensTask)
            Error(step.At("clock"), "只有办理、表决和等待环节可以暂停计时。");
        if (step.TimeLimit is { } timeLimit) CheckDateField(timeLimit);
        if (step is EndStep && step.TimeLimit is not null)
            Error(step.At("timeLimit"), "结束环节不能设置办理时限。");
        if (step.SignMode == SignMode.All && step is not TaskStep)
            Error(step.At("signMode"), "会签（\"signMode\": \"all\"）只适用于办理环节（kind 为 task），请删除“signMode”。");
        if (step.TimeLimit is not null && step.Kind is StepKind.Decision or StepKind.Parallel or StepKind.Join)
            Error(step.At("timeLimit"), "自动环节（decision、parallel、join）不需要办理时限，请删除“timeLimit”。");

        foreach (var (target, at) in step.Targets) CheckStepReference(target, at, "目标环节");

        switch (step)
        {
            case TaskStep task: CheckTask(task); break;
            case DecisionStep decision: CheckDecision(decision); break;
            case ParallelStep parallel: CheckParallel(parallel); break;
            case VoteStep vote: CheckVote(vote); break;
            case WaitStep wait: CheckActions(wait, wait.Actions, null); break;
        }
        foreach (var binding in step.Checks) CheckBinding(step, binding);
    }

    private void CheckTask(TaskStep task)
    {
        CheckAssignee(task);
        foreach (var post in task.Cc)
            if (_d.FindRole(post) is null)
                Error(task.At("cc"), $"抄送岗位“{post}”未在“roles”中定义，请先在“roles”中添加该岗位或改用已定义的岗位。");
        foreach (var group in task.Cc.GroupBy(p => p).Where(g => g.Count() > 1))
            Error(task.At("cc"), $"抄送岗位“{group.Key}”重复。");
        CheckActions(task, task.Actions, task.Role);
        if (task.OnTimeout is { } timeout)
        {
            if (timeout.After is null && task.TimeLimit is null && task.Clock.Outside is null)
                Error(timeout.At("after"), "超时处理须写明“after”，或为环节设置“timeLimit”或外部期限“clock.outside”。");
            if (task.FindAction(timeout.ActionId) is not { } action)
                Error(timeout.At("action"), $"超时动作“{timeout.ActionId}”不是本环节的动作，可选：{string.Join("、", task.Actions.Select(a => a.Id))}。");
            else if (action.Extend is not null)
                Error(timeout.At("action"), "超时不能触发延期动作。");
        }
        foreach (var action in task.Actions.Where(a => a.SystemOnly && a.Id != task.OnTimeout?.ActionId))
            Error(action.At("systemOnly"), $"系统动作“{action.Id}”没有被“onTimeout”引用，任何人都无法办理它。");
    }

    private void CheckAssignee(TaskStep task)
    {
        var rule = task.Assignee;
        if (rule.Location == SourceLocation.None)
        {
            CheckRoleReference(task.Role, task.At("role"));
            return;
        }
        var name = AssigneeRule.NameOf(rule.Kind);
        void Needs(string? value, string property, string what)
        {
            if (string.IsNullOrWhiteSpace(value)) Error(rule.At(property), $"审批人规则“{name}”须写明{what}（“{property}”）。");
        }
        void Unused(string? value, string property)
        {
            if (value is not null) Error(rule.At(property), $"审批人规则“{name}”不使用“{property}”，请删除。");
        }
        switch (rule.Kind)
        {
            case AssigneeKind.Post:
                Needs(rule.Post, "post", "岗位");
                CheckRoleReference(rule.Post, rule.At("post"));
                break;
            case AssigneeKind.ApplicantDeptHead:
                Needs(rule.Field, "field", "载明申请科室的字段");
                if (!string.IsNullOrWhiteSpace(rule.Field)) CheckFieldReference(rule.Field, rule.At("field"));
                break;
            case AssigneeKind.DeptLeader:
                Needs(rule.Department, "department", "科室");
                if (!string.IsNullOrWhiteSpace(rule.Department) && _options.Organisation is { } org && !org.HasDepartment(rule.Department))
                    Error(rule.At("department"), $"科室“{rule.Department}”不存在，请使用“组织机构”中已有的科室编号。");
                break;
            case AssigneeKind.User:
                Needs(rule.User, "user", "人员");
                if (!string.IsNullOrWhiteSpace(rule.User) && _options.Organisation is { } people && !people.HasUser(rule.User))
                    Error(rule.At("user"), $"人员“{rule.User}”不存在，请使用“组织机构”中已有的用户名。");
                break;
        }
        if (rule.Kind != AssigneeKind.Post) Unused(rule.Post, "post");
        if (rule.Kind != AssigneeKind.DeptLeader) Unused(rule.Department, "department");
        if (rule.Kind != AssigneeKind.ApplicantDeptHead) Unused(rule.Field, "field");
        if (rule.Kind != AssigneeKind.User) Unused(rule.User, "user");
    }

    private void CheckActions(StepDefinition step, IReadOnlyList<ActionDefinition> actions, string? stepRole)
    {
        CheckUnique(actions, a => a.Id, a => a.At("id"), $"环节“{step.Id}”的动作");
        if (step is WaitStep && actions.Any(a => a.Id == WaitResults.PeriodEnded))
            Error(step.At("actions"), $"动作编号“{WaitResults.PeriodEnded}”为公示期满保留，请改用其他编号。");
        foreach (var action in actions)
        {
            CheckId(action.Id, action.At("id"), "动作");
            CheckRoleReference(action.Role, action.At("role"));
            if (step is WaitStep && action.Role is null)
                Error(action.At("role"), $"等待环节的动作“{action.Id}”须写明由哪个岗位办理（“role”）。");
            foreach (var field in action.Requires) CheckFieldReference(field, action.At("requires"));
            if (action.Extend is { } extend) CheckExtension(action, extend, action.Role ?? stepRole);
            if (action.RestartsClock && _d.Limits is null)
                Error(action.At("restartsClock"), "本流程没有案件时限（limits），“restartsClock”无从重新起算。");
        }
    }

    private void CheckExtension(ActionDefinition action, Period extend, string? role)
    {
        var rule = _d.Limits?.Extension;
        if (rule is null)
        {
            Error(action.At("extend"), "延期动作须在“limits.extension”中规定延期上限和批准岗位。");
            return;
        }
        if (role != rule.ApproverRole)
            Error(action.At("role"), $"延期须由“{_d.RoleName(rule.ApproverRole)}”批准：请将动作的“role”设为“{rule.ApproverRole}”。");
        if (extend.Unit != rule.Max.Unit || extend.Amount > rule.Max.Amount)
            Error(action.At("extend"), $"延期“{extend}”超出上限“{rule.Max}”或单位不一致。");
    }

    private void CheckDecision(DecisionStep decision)
    {
        foreach (var route in decision.Routes) CheckCondition(route.Condition, route.At("when"));
    }

    private void CheckParallel(ParallelStep parallel)
    {
        if (parallel.Branches.Count < 2) Error(parallel.At("branches"), "并行环节至少需要两个分支。");
        foreach (var group in parallel.Branches.GroupBy(b => b).Where(g => g.Count() > 1))
            Error(parallel.At("branches"), $"分支“{group.Key}”重复。");
        var join = CheckStepReference(parallel.Join, parallel.At("join"), "汇聚环节");
        if (join is not null and not JoinStep) Error(parallel.At("join"), $"“{parallel.Join}”不是汇聚环节（kind 应为 join）。");
    }

    private void CheckJoins()
    {
        foreach (var join in _d.Steps.OfType<JoinStep>())
        {
            var splits = _d.Steps.OfType<ParallelStep>().Count(p => p.Join == join.Id);
            if (splits == 0) Error(join.At("id"), $"汇聚环节“{join.Id}”没有对应的并行环节：请在某个 parallel 环节的“join”中引用它，或删除它。");
            if (splits > 1) Error(join.At("id"), $"汇聚环节“{join.Id}”被多个并行环节引用，每个并行环节须有自己的汇聚环节。");
        }
    }

    private void CheckVote(VoteStep vote)
    {
        CheckRoleReference(vote.MembersRole, vote.At("members"));
        CheckRoleReference(vote.ChairRole, vote.At("chair"));
        CheckRoleReference(vote.RecorderRole, vote.At("recorder"));
        if (vote.ChairRole is null && vote.RecorderRole is null)
            Error(vote.At("members"), "表决环节须写明主持人（“chair”）或记录人（“recorder”），由其宣布表决结果。");
        if (vote.ChairSpeaksLast && vote.ChairRole is null)
            Error(vote.At("chairSpeaksLast"), "“chairSpeaksLast”须同时写明主持人岗位（“chair”）。");
        CheckCondition(vote.UrgentCondition, vote.At("urgentWhen"));
        if (vote.UrgentWhen is not null && vote.DeferWhenMarginAtMost is null)
            Error(vote.At("urgentWhen"), "“urgentWhen”只在设置了“deferWhenMarginAtMost”时有意义。");
        if (vote.Candidates is { } candidates) CheckCandidates(vote, candidates);
    }

    private void CheckCandidates(VoteStep vote, CandidateRule candidates)
    {
        if (candidates.Field is null && !candidates.WriteIns)
            Error(vote.At("candidates"), "候选人须来自名单字段（“field”）或允许当场提名（\"writeIns\": true），至少写明一项。");
        if (candidates.Field is { } id)
        {
            if (_d.FindField(id) is not { } field) Error(candidates.At("field"), $"字段“{id}”未在“fields”中定义。");
            else if (field.Type != FieldType.List) Error(candidates.At("field"), $"候选人名单字段“{id}”的类型应为 list。");
        }
        if (vote.DeferWhenMarginAtMost is not null)
            Error(vote.At("deferWhenMarginAtMost"), "按候选人逐人表决时不适用“deferWhenMarginAtMost”（暂缓按议题整体判断），请删除其中一项。");
        if (_d.FindField(vote.Id) is not null)
            Error(vote.At("id"), $"表决环节“{vote.Id}”的结果写入同名的案件数据，不能与字段“{vote.Id}”同名，请改名。");
    }

    private void CheckBinding(StepDefinition step, RiskCheckBinding binding)
    {
        if (binding.RiskPointId.Length > 0 && !step.RiskPointIds.Contains(binding.RiskPointId))
            Error(binding.At("risk"), $"风险点“{binding.RiskPointId}”不在本环节的“risks”中，请先把它加到本环节。");
        var actions = (step as ActingStep)?.Actions ?? [];
        if (binding.Phase == CheckPhase.Enter && binding.Actions.Count > 0)
            Error(binding.At("actions"), "进入环节时执行的检查不能限定动作，请删除“actions”。");
        if (step is EndStep && binding.Phase == CheckPhase.Complete)
            Error(binding.At("on"), "结束环节没有办结动作，检查只能在进入时执行（\"on\": \"enter\"）。");
        foreach (var id in binding.Actions.Where(id => actions.All(a => a.Id != id)))
            Error(binding.At("actions"), $"动作“{id}”不是环节“{step.Id}”的动作。");
        CheckCondition(binding.WhenCondition, binding.At("when"));
        if (binding.CheckName.Length > 0 && !_options.Checks.Contains(binding.CheckName))
            Error(binding.At("check"), $"未知的风险检查“{binding.CheckName}”，可用检查：{string.Join("、", _options.Checks.Names)}。");
    }

    private void CheckDateField(DatedLimit limit)
    {
        if (limit.UntilField is { } dateField && _d.FindField(dateField) is not { Type: FieldType.Date })
            Error(limit.At("untilField"), $"截止日期字段“{dateField}”须为“fields”中定义的日期字段（date）。");
    }

    private void CheckLimits()
    {
        if (_d.Limits is not { } limits) return;
        CheckStepReference(limits.ClockStartsAt, limits.At("clockStartsAt"), "开始计时环节");
        foreach (var id in limits.ClockStopsAt) CheckStepReference(id, limits.At("clockStopsAt"), "停止计时环节");
        if (limits.Statutory is null && limits.Promised is null)
            Error(limits.Location, "“limits”须至少有法定时限（statutory）或承诺时限（promised）之一。");
        if (limits is { Statutory.Period: { } s, Promised.Period: { } p } && s.Unit == p.Unit && p.Amount > s.Amount)
            Error(limits.Promised.At("duration"), $"承诺时限 {p} 不能长于法定时限 {s}。");
        foreach (var limit in new[] { limits.Statutory, limits.Promised }.OfType<LimitDefinition>())
            CheckDateField(limit);
        if (limits.Extension is { } extension)
        {
            CheckRoleReference(extension.ApproverRole, extension.At("approverRole"));
            if (limits.Statutory is null) Error(extension.Location, "延期须有法定时限（limits.statutory）才能延长。");
            else if (limits.Statutory.Period is not { } period)
                Error(extension.Location, "法定时限是固定日期（期日），不能延期：请删除“extension”或改用期间（duration）。");
            else if (period.Unit != extension.Max.Unit)
                Error(extension.At("max"), "延期上限的单位须与法定时限一致。");
        }
    }

    private void CheckWithdrawal()
    {
        if (_d.Withdrawal is not { } w) return;
        CheckRoleReference(w.Role, w.At("role"));
        var end = CheckStepReference(w.To, w.At("to"), "撤回后的环节");
        if (end is not null and not EndStep) Error(w.At("to"), $"撤回后的环节“{w.To}”须是结束环节（kind 为 end）。");
        foreach (var id in w.AllowedAt) CheckStepReference(id, w.At("allowedAt"), "允许撤回的环节");
    }

    private void CheckGraph()
    {
        if (!_d.Steps.Any(s => s.Kind == StepKind.End))
        {
            Error(_d.At("steps"), "流程没有结束环节：请至少添加一个 kind 为 end 的环节。");
            return;
        }
        if (_d.FindStep(_d.StartStepId) is null) return;
        var edges = GraphAnalysis.Edges(_d);
        var reachable = GraphAnalysis.ReachableFrom(_d.StartStepId, edges);
        var canEnd = GraphAnalysis.CanReachEnd(_d, edges);
        foreach (var step in _d.Steps.DistinctBy(s => s.Id))
        {
            if (!reachable.Contains(step.Id))
                Error(step.At("id"), $"环节“{step.Name}”（{step.Id}）无法从开始环节到达：请让某个环节的动作或路由指向它，或删除它。");
            else if (!canEnd.Contains(step.Id))
                Error(step.At("id"), $"环节“{step.Name}”（{step.Id}）无法到达任何结束环节：请为它添加通向结束的动作或路由。");
        }
    }
}
