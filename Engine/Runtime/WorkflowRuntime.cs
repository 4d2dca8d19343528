using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Outlook;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>
/// The deterministic core: given a definition, a case state, a command, an actor and the time, it returns
/// the new state, the events and the timers the case wants — or an explicit refusal. No I/O.
/// </summary>
public sealed class WorkflowRuntime(RuntimeEnvironment environment)
{
    public RuntimeEnvironment Environment => environment;

    public CommandResult Execute(FlowDefinition definition, CaseState? state, Command command, Actor actor, DateTimeOffset now)
    {
        try
        {
            var t = new Transition(definition, state, environment, actor, now);
            if (command is StartCase start)
            {
                if (state is not null) return new Refused(RefusalCode.NotAllowedNow, "案件已启动。");
                t.Start(start);
                return t.Finish();
            }
            if (state is null) return new Refused(RefusalCode.UnknownTask, "案件不存在。");
            if (command is FireTimer fire)
            {
                if (state.IsClosed) return new Unchanged("案件已办结。");
                return t.Fire(fire) ?? t.Finish();
            }
            t.EnsureCanChange(command.ExpectedVersion);
            switch (command)
            {
                case TakeAction c: t.Act(c); break;
                case AttendVote c: t.Attend(c); break;
                case RecuseFromVote c: t.Recuse(c); break;
                case SubmitWrittenOpinion c: t.WrittenOpinion(c); break;
                case CastVote c: t.Cast(c); break;
                case CloseVote c: t.CloseVote(c); break;
                case Withdraw c: t.Withdraw(c); break;
                case TransferTask c: t.Transfer(c); break;
                case AddSigner c: t.AddSigner(c); break;
                case SignTask c: t.Sign(c); break;
                case UrgeCase c: t.Urge(c); break;
                case AnswerUrge c: t.Answer(c); break;
                case EscalateCase c: t.Escalate(c); break;
                default: throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command));
            }
            return t.Finish();
        }
        catch (RefusalException e)
        {
            return e.Refusal;
        }
    }

    /// <summary>
    /// What the case allows <paramref name="viewer"/> now and how it stands: every open task with the actions and vote
    /// commands the viewer may take (and, for each refused one, the code and reason <see cref="Execute"/> would give), every
    /// deadline with its level, the documents issued, and whether the viewer may urge the case given what the organisation
    /// says they oversee (<paramref name="oversight"/>; none when omitted). Reads only.
    /// </summary>
    public CaseOutlook Describe(FlowDefinition definition, CaseState state, Actor viewer, DateTimeOffset now, Oversight? oversight = null) =>
        new CaseOutlookBuilder(definition, state, environment, viewer, now, oversight ?? Oversight.None).Build();

    /// <summary>
    /// Moves a running case from the version it runs on (<paramref name="from"/>) to <paramref name="to"/> with a mapping of
    /// open steps, or says why it cannot (the rule is <see cref="VersionMigration"/>). Reads only: the caller stores the result.
    /// </summary>
    public MigrationOutcome Migrate(FlowDefinition from, FlowDefinition to, CaseState state, IReadOnlyDictionary<string, string> mapping,
        Actor actor, DateTimeOffset now, bool acceptDeadlineChanges = false) =>
        VersionMigration.Migrate(from, to, state, mapping, environment, actor, now, acceptDeadlineChanges);

    /// <summary>The case's open deadlines as of now (paused ones computed as if resumed now).</summary>
    public IReadOnlyList<Deadline> Deadlines(FlowDefinition definition, CaseState state, DateTimeOffset now) =>
        new DeadlineCalculator(definition, environment.Calendar).Deadlines(state, now);

    /// <summary>The timers the case wants in its current state (for recomputation after a calendar change).</summary>
    public IReadOnlyList<TimerRequest> Timers(FlowDefinition definition, CaseState state) =>
        new DeadlineCalculator(definition, environment.Calendar).Timers(state);
}
