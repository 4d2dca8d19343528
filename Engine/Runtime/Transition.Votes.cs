using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>Collective votes: attendance, recusal, written opinions of absent members, ballots and the result.</summary>
internal sealed partial class Transition
{
    private VoteState OpenVote(VoteStep vote, int round)
    {
        var members = _env.Roster.Holders(vote.MembersRole);
        if (members.Count == 0)
            throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{vote.Name}”没有参会成员：请先为“{_def.RoleName(vote.MembersRole)}”岗位配置人员。");
        var chairs = vote.ChairRole is null ? [] : _env.Roster.Holders(vote.ChairRole).Select(m => m.Id).Where(id => members.Any(m => m.Id == id));
        return VoteState.Open(round, members.Select(m => m.Id), chairs) with { Candidates = ListedCandidates(vote) };
    }

    /// <summary>The candidates named in the case data when a vote on named persons opens (none for other votes).</summary>
    private ImmutableArray<CandidateCount> ListedCandidates(VoteStep vote)
    {
        if (vote.Candidates is not { } rule) return [];
        var listed = rule.Field is { } field && State.Data.GetValueOrDefault(field) is { Kind: ValueKind.List } list
            ? list.AsList.Where(v => v.Kind == ValueKind.String && !string.IsNullOrWhiteSpace(v.AsString)).Select(v => v.AsString.Trim()).Distinct().ToList()
            : [];
        if (listed.Count == 0 && !rule.WriteIns)
            throw Refuse.Because(RefusalCode.MissingField,
                $"“{vote.Name}”没有候选人：请先填写“{_def.FindField(rule.Field!)?.Label ?? rule.Field}”。");
        return [.. listed.Select(n => new CandidateCount(n, 0, 0, 0))];
    }

    private (ActiveStep Task, VoteStep Step, VoteState Vote) FindVote(string taskId)
    {
        var task = FindTask(taskId);
        if (_def.Step(task.StepId) is not VoteStep step || task.Vote is not { } vote)
            throw Refuse.Because(RefusalCode.UnknownAction, $"“{_def.Step(task.StepId).Name}”不是表决环节。");
        return (task, step, vote);
    }

    private string NameOf(string memberId) =>
        memberId == _actor.Id ? _actor.Name
        : _def.Steps.OfType<VoteStep>().SelectMany(v => _env.Roster.Holders(v.MembersRole)).FirstOrDefault(m => m.Id == memberId)?.Name ?? memberId;

    private bool IsOrganizer(VoteStep step, VoteState vote) =>
        vote.Chairs.Contains(_actor.Id)
        || (step.ChairRole is { } chair && _actor.Holds(chair))
        || (step.RecorderRole is { } recorder && _actor.Holds(recorder));

    /// <summary>A member acts for themselves; the chair or recorder may also act for a member.</summary>
    private string ResolveMember(VoteStep step, VoteState vote, string? memberId, string what)
    {
        var member = memberId ?? _actor.Id;
        if (!vote.Members.Contains(member))
            throw Refuse.Because(RefusalCode.WrongRole, $"{NameOf(member)} 不是“{step.Name}”的参会成员（{_def.RoleName(step.MembersRole)}）。");
        if (member != _actor.Id && !IsOrganizer(step, vote))
            throw Refuse.Because(RefusalCode.WrongRole, $"只有本人或会议主持人、记录人可以为成员办理{what}。");
        return member;
    }

    private void EnsureChairHasNotVoted(VoteState vote)
    {
        if (vote.Chairs.Any(vote.Voted.Contains))
            throw Refuse.Because(RefusalCode.NotAllowedNow, "主持人已末位表态，本轮表决只待宣布结果。");
    }

    private void Replace(ActiveStep task, VoteState vote)
    {
        State = State with { Active = State.Active.Replace(task, task with { Vote = vote }) };
    }

    public void Attend(AttendVote command)
    {
        var (task, step, vote, member) = GateAttend(command.TaskId, command.MemberId);
        Replace(task, vote with { Present = vote.Present.Add(member) });
        Record(EventTypes.VoteAttended, $"{NameOf(member)} 出席“{step.Name}”", task);
    }

    /// <summary>Whether the member (null: the actor) may sign in now. The gates below are shared with the outlook.</summary>
    public (ActiveStep Task, VoteStep Step, VoteState Vote, string Member) GateAttend(string taskId, string? memberId)
    {
        var (task, step, vote) = FindVote(taskId);
        var member = ResolveMember(step, vote, memberId, "签到");
        if (vote.Present.Contains(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, $"{NameOf(member)} 已签到。");
        EnsureChairHasNotVoted(vote);
        return (task, step, vote, member);
    }

    public void Recuse(RecuseFromVote command)
    {
        var (task, step, vote, member) = GateRecuse(command.TaskId, command.MemberId);
        if (string.IsNullOrWhiteSpace(command.Reason)) throw Refuse.Because(RefusalCode.OpinionRequired, "回避须写明事由。");
        CaseData.RequireShortText(command.Reason, "回避事由");
        Replace(task, vote with { Recused = vote.Recused.Add(member, command.Reason) });
        Record(EventTypes.VoteRecused, $"{NameOf(member)} 回避（{command.Reason}）", task, opinion: command.Reason);
    }

    public (ActiveStep Task, VoteStep Step, VoteState Vote, string Member) GateRecuse(string taskId, string? memberId)
    {
        var (task, step, vote) = FindVote(taskId);
        if (!step.AllowRecusal) throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”不设回避。");
        var member = ResolveMember(step, vote, memberId, "回避");
        if (vote.Voted.Contains(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, $"{NameOf(member)} 已投票，不能再申请回避。");
        if (vote.Recused.ContainsKey(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, $"{NameOf(member)} 已回避。");
        return (task, step, vote, member);
    }

    public void WrittenOpinion(SubmitWrittenOpinion command)
    {
        var (task, step, vote, member) = GateWrittenOpinion(command.TaskId);
        if (string.IsNullOrWhiteSpace(command.Opinion)) throw Refuse.Because(RefusalCode.OpinionRequired, "书面意见不能为空。");
        CaseData.RequireShortText(command.Opinion, "书面意见");
        Replace(task, vote with { WrittenOpinions = vote.WrittenOpinions.SetItem(member, command.Opinion) });
        Record(EventTypes.VoteWrittenOpinion, $"{NameOf(member)}（缺席）提交书面意见，不计入表决票数", task, opinion: command.Opinion);
    }

    public (ActiveStep Task, VoteStep Step, VoteState Vote, string Member) GateWrittenOpinion(string taskId)
    {
        var (task, step, vote) = FindVote(taskId);
        if (!step.AcceptWrittenOpinions) throw Refuse.Because(RefusalCode.NotAllowedNow, $"“{step.Name}”不收书面意见。");
        var member = ResolveMember(step, vote, null, "书面意见");
        if (vote.Present.Contains(member))
            throw Refuse.Because(RefusalCode.NotAllowedNow, "已出席会议的成员请当场表态，书面意见只适用于缺席成员。");
        if (vote.Recused.ContainsKey(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, "您已回避本议题。");
        return (task, step, vote, member);
    }

    public void Cast(CastVote command)
    {
        var (task, step, vote, member) = GateCast(command.TaskId);
        if (step.Ballot == Ballot.Anonymous && !string.IsNullOrWhiteSpace(command.Opinion))
            throw Refuse.Because(RefusalCode.InvalidData, "无记名投票不记录个人意见。");
        CaseData.RequireShortText(command.Opinion, "表决意见");
        if (step.Candidates is { } rule)
        {
            CastForCandidates(task, step, rule, vote, member, command);
            return;
        }
        if (command.Candidates is { Count: > 0 })
            throw Refuse.Because(RefusalCode.InvalidData, $"“{step.Name}”是对议题整体表决，不设候选人。");

        var counted = vote with
        {
            Voted = vote.Voted.Add(member),
            For = vote.For + (command.Choice == VoteChoice.For ? 1 : 0),
            Against = vote.Against + (command.Choice == VoteChoice.Against ? 1 : 0),
            Abstain = vote.Abstain + (command.Choice == VoteChoice.Abstain ? 1 : 0),
        };
        if (step.Ballot == Ballot.Recorded)
        {
            Replace(task, counted with { RecordedBallots = counted.RecordedBallots.Add(member, command.Choice) });
            Record(EventTypes.VoteCast, $"{NameOf(member)} 表决：{VoteChoiceNames.Name(command.Choice)}", task, opinion: command.Opinion,
                data: ImmutableDictionary<string, Value>.Empty.Add("choice", Value.String(VoteChoiceNames.Id(command.Choice))));
        }
        else
        {
            Replace(task, counted);
            Record(EventTypes.VoteCast, $"{NameOf(member)} 已投票（无记名）", task);
        }
    }

    /// <summary>A ballot on named persons: each choice is counted for its candidate; a written-in name becomes a candidate.</summary>
    private void CastForCandidates(ActiveStep task, VoteStep step, CandidateRule rule, VoteState vote, string member, CastVote command)
    {
        var choices = command.Candidates
            ?? throw Refuse.Because(RefusalCode.InvalidData, $"“{step.Name}”按候选人逐人表决，请对候选人逐一表态（candidates）。");
        var candidates = vote.Candidates.ToList();
        foreach (var (rawName, choice) in choices)
        {
            var name = rawName.Trim();
            var index = candidates.FindIndex(c => c.Name == name);
            if (index < 0)
            {
                if (!rule.WriteIns)
                    throw Refuse.Because(RefusalCode.InvalidData,
                        $"“{name}”不是“{step.Name}”的候选人，候选人：{string.Join("、", candidates.Select(c => c.Name))}。");
                if (name.Length is 0 or > 50) throw Refuse.Because(RefusalCode.InvalidData, "提名的姓名不能为空，且不超过 50 字。");
                if (candidates.Count >= 100) throw Refuse.Because(RefusalCode.InvalidData, "候选人不能超过 100 人。");
                candidates.Add(new CandidateCount(name, 0, 0, 0));
                index = candidates.Count - 1;
            }
            candidates[index] = candidates[index].Add(choice);
        }
        var supported = choices.Count(c => c.Value == VoteChoice.For);
        if (rule.MaxChoices is { } max && supported > max)
            throw Refuse.Because(RefusalCode.InvalidData, $"每张选票最多推荐（同意）{max} 人，本票同意 {supported} 人。");
        if (choices.Keys.Select(k => k.Trim()).Distinct().Count() != choices.Count)
            throw Refuse.Because(RefusalCode.InvalidData, "同一候选人在一张选票上只能表态一次。");

        Replace(task, vote with { Voted = vote.Voted.Add(member), Candidates = [.. candidates] });
        if (step.Ballot == Ballot.Recorded)
            Record(EventTypes.VoteCast,
                $"{NameOf(member)} 表决：{string.Join("、", choices.Select(c => $"{c.Key.Trim()} {VoteChoiceNames.Name(c.Value)}"))}", task, opinion: command.Opinion,
                data: ImmutableDictionary<string, Value>.Empty.Add("candidates",
                    Value.Object(choices.ToImmutableDictionary(c => c.Key.Trim(), c => Value.String(VoteChoiceNames.Id(c.Value))))));
        else
            Record(EventTypes.VoteCast, $"{NameOf(member)} 已投票（无记名）", task);
    }

    /// <summary>
    /// 末位表态: the chair votes only when a quorum is in the room and every other member present has voted; otherwise
    /// the chair could speak first and, having voted, shut out everyone who signs in later.
    /// </summary>
    public (ActiveStep Task, VoteStep Step, VoteState Vote, string Member) GateCast(string taskId)
    {
        var (task, step, vote) = FindVote(taskId);
        var member = ResolveMember(step, vote, null, "投票");
        if (!vote.Present.Contains(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, "请先签到出席，再投票。");
        if (vote.Recused.ContainsKey(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, "您已回避本议题，不能投票。");
        if (vote.Voted.Contains(member)) throw Refuse.Because(RefusalCode.NotAllowedNow, "您已投票，每人每轮只能投一票。");
        EnsureChairHasNotVoted(vote);
        if (step.ChairSpeaksLast && vote.Chairs.Contains(member))
        {
            if (!VoteTally.Meets(step.Quorum, vote.PresentVoters, vote.Eligible))
                throw Refuse.Because(RefusalCode.NotAllowedNow,
                    $"主持人须末位表态：出席人数（{vote.PresentVoters} 人）尚未达到法定人数，请待其他成员签到、表态后再投票。");
            var waiting = vote.PresentVoterIds.Where(m => m != member && !vote.Voted.Contains(m)).ToList();
            if (waiting.Count > 0)
                throw Refuse.Because(RefusalCode.NotAllowedNow, $"主持人须末位表态：请待其他成员表态后再投票（尚未表态：{string.Join("、", waiting.Select(NameOf))}）。");
        }
        return (task, step, vote, member);
    }

    public void CloseVote(CloseVote command)
    {
        var (task, step, vote) = GateClose(command.TaskId);
        var tally = VoteTally.Count(step, vote, urgent: IsUrgent(step));
        var data = tally.ToData(step, vote, NameOf);
        var noQuorum = tally.Result == VoteResults.NoQuorum;
        Record(EventTypes.VoteClosed,
            noQuorum ? $"“{step.Name}”{tally.Summary}，表决无效，须另行召开（第 {vote.Round + 1} 轮）" : $"“{step.Name}”{tally.Summary}",
            task, tally.Result, data: data);
        var to = tally.Result switch
        {
            VoteResults.NoQuorum => null,
            VoteResults.Passed => step.Outcomes.Passed,
            VoteResults.Rejected => step.Outcomes.Rejected,
            _ => step.Outcomes.Deferred,
        };
        if (to is null)
        {
            // No quorum, or a result the definition sends nowhere (deferral): the item goes to another round.
            State = State with { Trail = State.Trail.Add(new TrailEntry(task.TaskId, step.Id, tally.Result, _actor.Id, task.EnteredAt, _now, false)) };
            Replace(task, OpenVote(step, vote.Round + 1));
            return;
        }
        var after = step.Candidates is null ? State.Data : State.Data.SetItem(step.Id, data["candidates"]);
        Complete(task, step, null, tally.Result, to, null, ImmutableDictionary<string, Value>.Empty, after, bySystem: false);
    }

    private bool IsUrgent(VoteStep step) =>
        step.UrgentCondition is { } condition && Holds(condition, State.Data, $"“{step.Name}”的紧急情形条件");

    public (ActiveStep Task, VoteStep Step, VoteState Vote) GateClose(string taskId)
    {
        var (task, step, vote) = FindVote(taskId);
        if (!IsOrganizer(step, vote))
            throw Refuse.Because(RefusalCode.WrongRole, "只有会议主持人或记录人可以宣布表决结果。");
        return (task, step, vote);
    }
}
