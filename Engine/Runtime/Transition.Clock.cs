using System.Collections.Immutable;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The case clock: start, stop, pauses while a pausing step is open, and extensions.</summary>
internal sealed partial class Transition
{
    private void StartClock()
    {
        var from = _clockFromCaseStart ? State.StartedAt : _now;
        State = State with { Clock = State.Clock with { StartedAt = from } };
        var limits = _def.Limits!;
        var parts = new[] { limits.Statutory is { } s ? $"法定时限 {s.Describe(_def.FieldLabel)}" : null, limits.Promised is { } p ? $"承诺时限 {p.Describe(_def.FieldLabel)}" : null };
        Record(EventTypes.ClockStarted, $"开始计时（自 {WorkCalendar.LocalDate(from):yyyy-MM-dd} 次日起算；{string.Join("，", parts.OfType<string>())}）",
            actor: Actor.System);
    }

    /// <summary>The limits count again from now: earlier time and pauses no longer count; extensions granted stay.</summary>
    private void RestartClock()
    {
        State = State with
        {
            Clock = State.Clock with { StartedAt = _now, StoppedAt = null, PausedSince = null, PauseReason = null, Pauses = [] },
        };
        Record(EventTypes.ClockRestarted, $"重新起算期限（自 {WorkCalendar.LocalDate(_now):yyyy-MM-dd} 次日起算）", actor: Actor.System);
    }

    private void StopClock()
    {
        if (!State.Clock.IsRunning) return;
        ClosePause();
        State = State with { Clock = State.Clock with { StoppedAt = _now } };
        Record(EventTypes.ClockStopped, "停止计时：案件已在时限内作出决定或办结", actor: Actor.System);
    }

    /// <summary>The clock is paused exactly while at least one open step pauses it.</summary>
    private void SyncPause()
    {
        if (!State.Clock.IsRunning) return;
        var pausing = State.Active.Select(a => _def.Step(a.StepId)).FirstOrDefault(s => s.Clock.Pauses);
        if (pausing is not null && !State.Clock.IsPaused)
        {
            State = State with { Clock = State.Clock with { PausedSince = _now, PauseReason = pausing.Clock.Reason } };
            Record(EventTypes.ClockPaused, $"暂停计时：{pausing.Clock.Reason}（不计入办理时限）", actor: Actor.System);
        }
        else if (pausing is null && State.Clock.IsPaused)
        {
            ClosePause();
        }
    }

    private void ClosePause()
    {
        if (State.Clock.PausedSince is not { } since) return;
        var reason = State.Clock.PauseReason ?? "";
        var days = _env.Calendar.WorkingDaysBetween(WorkCalendar.LocalDate(since), WorkCalendar.LocalDate(_now));
        State = State with
        {
            Clock = State.Clock with { PausedSince = null, PauseReason = null, Pauses = State.Clock.Pauses.Add(new ClockPause(since, _now, reason)) },
        };
        Record(EventTypes.ClockResumed, $"恢复计时：{reason}暂停 {days} 个工作日，时限相应顺延", actor: Actor.System);
    }

    private void Extend(ActiveStep task, StepDefinition step, ActionDefinition action, Period extend, string? opinion,
        ImmutableDictionary<string, Value> delta, ImmutableDictionary<string, Value> data)
    {
        var used = State.Clock.ExtensionAmount;
        RunChecks(step, CheckPhase.Complete, task, action, data, flagOnly: false, explicitOnly: true);
        State = State with { Data = data, Clock = State.Clock with { ExtensionAmount = used + extend.Amount, ExtensionCount = State.Clock.ExtensionCount + 1 } };
        Record(EventTypes.DeadlineExtended, $"{Who} 批准延期 {extend.ToChinese()}（累计 {new Period(used + extend.Amount, extend.Unit).ToChinese()}）",
            task, action.Id, opinion, delta);
        Issue(task, step, action, opinion, delta, _actor.Id, _actor.Name);
    }

    private void GateExtension(Period extend)
    {
        var rule = _def.Limits!.Extension!;
        if (!State.Clock.IsRunning)
            throw Refuse.Because(RefusalCode.NotAllowedNow, "案件尚未开始计时或已停止计时，无需延期。");
        var used = State.Clock.ExtensionAmount;
        if (rule.MaxTimes is { } times && State.Clock.ExtensionCount >= times)
            throw Refuse.Because(RefusalCode.ExtensionCapExceeded, $"延期次数超过上限：本流程最多延期 {times} 次，已延期 {State.Clock.ExtensionCount} 次。");
        if (used + extend.Amount > rule.Max.Amount)
            throw Refuse.Because(RefusalCode.ExtensionCapExceeded,
                $"延期超过上限：已延期 {new Period(used, extend.Unit).ToChinese()}，本次再延 {extend.ToChinese()} 将超过最多 {rule.Max.ToChinese()}。");
    }
}
