using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>Reads the properties particular to each step kind (the caller gives the step its locations).</summary>
internal static class StepReaders
{
    public static TaskStep Task(ObjectReader r, CommonStepParts c)
    {
        var role = r.String("role");
        var written = r.Object("assignee");
        var assignee = written is null ? null : ReadAssignee(written);
        if (role is null && written is null)
            r.Errors.Add(r.LocationOfProperty("role"), "办理环节须写明办理岗位（“role”）或审批人规则（“assignee”）。");
        if (role is not null && written is not null)
            r.Errors.Add(r.LocationOfProperty("assignee"), "“role”与“assignee”只能写一个：固定岗位可写作 \"assignee\": { \"rule\": \"post\", \"post\": \"…\" }。");
        assignee ??= new AssigneeRule { Kind = AssigneeKind.Post, Post = role ?? "" };
        return new TaskStep
        {
            Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
            RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
            Role = assignee.Kind == AssigneeKind.Post ? assignee.Post ?? "" : "",
            Assignee = assignee,
            Cc = r.StringList("cc"),
            Actions = r.Objects("actions", required: true).Select(ReadAction).ToList(),
            OnTimeout = r.Object("onTimeout") is { } t ? ReadTimeout(t) : null,
            AddSigner = r.Bool("addSigner", false),
        };
    }

    private static AssigneeRule ReadAssignee(ObjectReader r)
    {
        var name = r.String("rule", required: true);
        var kind = AssigneeKind.Post;
        if (name is not null && !AssigneeRule.Names.TryGetValue(name, out kind))
            r.Errors.Add(r.LocationOfProperty("rule"), $"审批人规则“{name}”无效，可选值：{string.Join("、", AssigneeRule.Names.Keys)}。");
        return r.Finish(new AssigneeRule
        {
            Kind = kind, Post = r.String("post"), Department = r.String("department"), Field = r.String("field"), User = r.String("user"),
        });
    }

    public static DecisionStep Decision(ObjectReader r, CommonStepParts c) => new()
    {
        Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
        RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
        Routes = r.Objects("routes", required: true).Select(ReadRoute).ToList(),
        Otherwise = r.StepReference("otherwise", required: true) ?? "",
    };

    public static ParallelStep Parallel(ObjectReader r, CommonStepParts c) => new()
    {
        Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
        RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
        Branches = r.StringList("branches", required: true),
        Join = r.StepReference("join", required: true) ?? "",
    };

    public static JoinStep Join(ObjectReader r, CommonStepParts c) => new()
    {
        Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
        RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
        Mode = r.Enum("mode", JoinMode.All),
        Next = r.StepReference("next", required: true) ?? "",
    };

    public static WaitStep Wait(ObjectReader r, CommonStepParts c) => new()
    {
        Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
        RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
        Period = r.Period("period", required: true) ?? default,
        Next = r.StepReference("next", required: true) ?? "",
        Actions = r.Objects("actions").Select(ReadAction).ToList(),
    };

    public static EndStep End(ObjectReader r, CommonStepParts c) => new()
    {
        Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
        RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
        Outcome = r.EnumOrNull<EndOutcome>("outcome", required: true) ?? EndOutcome.Completed,
    };

    public static VoteStep Vote(ObjectReader r, CommonStepParts c)
    {
        var urgent = r.Condition("urgentWhen");
        var pass = r.Object("pass");
        var passBase = pass?.Enum("base", PassBase.Members) ?? PassBase.Members;
        var passThreshold = pass?.Enum("threshold", Threshold.MoreThanHalf) ?? Threshold.MoreThanHalf;
        pass?.RejectUnknownProperties();
        var outcomes = r.Object("outcomes", required: true);
        var candidates = r.Object("candidates");
        return new VoteStep
        {
            Id = c.Id, Name = c.Name, Description = c.Description, TimeLimit = c.TimeLimit, Clock = c.Clock,
            RiskPointIds = c.RiskPointIds, Checks = c.Checks, SignMode = c.SignMode,
            MembersRole = r.String("members", required: true) ?? "",
            ChairRole = r.String("chair"),
            RecorderRole = r.String("recorder"),
            Quorum = r.Enum("quorum", Threshold.MoreThanHalf),
            PassBase = passBase,
            PassThreshold = passThreshold,
            Ballot = r.Enum("ballot", Ballot.Recorded),
            ChairSpeaksLast = r.Bool("chairSpeaksLast", false),
            AllowRecusal = r.Bool("recusal", true),
            AcceptWrittenOpinions = r.Bool("writtenOpinions", true),
            DeferWhenMarginAtMost = r.Int("deferWhenMarginAtMost", min: 0, max: 100),
            UrgentWhen = urgent.Source,
            UrgentCondition = urgent.Parsed,
            Outcomes = outcomes is null ? new VoteOutcomes { Passed = "", Rejected = "" } : ReadOutcomes(outcomes),
            Candidates = candidates is null ? null : ReadCandidates(candidates),
        };
    }

    private static CandidateRule ReadCandidates(ObjectReader r) => r.Finish(new CandidateRule
    {
        Field = r.String("field"),
        WriteIns = r.Bool("writeIns", false),
        MaxChoices = r.Int("maxChoices", min: 1, max: 50),
    });

    private static VoteOutcomes ReadOutcomes(ObjectReader r) => r.Finish(new VoteOutcomes
    {
        Passed = r.StepReference("passed", required: true) ?? "",
        Rejected = r.StepReference("rejected", required: true) ?? "",
        Deferred = r.StepReference("deferred"),
    });

    private static ActionDefinition ReadAction(ObjectReader r)
    {
        var action = new ActionDefinition
        {
            Id = r.String("id", required: true) ?? "",
            Name = r.String("name", required: true) ?? "",
            To = r.StepReference("to"),
            Role = r.String("role"),
            Requires = r.StringList("requires"),
            Opinion = r.Enum("opinion", OpinionRule.Optional),
            SystemOnly = r.Bool("systemOnly", false),
            Extend = r.Period("extend"),
            RestartsClock = r.Bool("restartsClock", false),
            Issues = r.EnumOrNull<DocumentKind>("issues", required: false),
        };
        if (action.To is null && action.Extend is null)
            r.Errors.Add(r.LocationOfProperty("to"), $"动作“{action.Id}”缺少“to”：请写明办理后进入的环节（仅延期动作“extend”可以不写）。");
        if (action.To is not null && action.Extend is not null)
            r.Errors.Add(r.LocationOfProperty("to"), $"延期动作“{action.Id}”不改变环节，请删除“to”。");
        return r.Finish(action);
    }

    private static Route ReadRoute(ObjectReader r)
    {
        var (when, condition) = r.Condition("when", required: true);
        return r.Finish(new Route { When = when ?? "", Condition = condition, To = r.StepReference("to", required: true) ?? "" });
    }

    private static TimeoutRule ReadTimeout(ObjectReader r) => r.Finish(new TimeoutRule
    {
        After = r.Period("after"),
        ActionId = r.String("action", required: true) ?? "",
        Label = r.String("label", required: true) ?? "",
        ClockFromCaseStart = r.Bool("clockFromCaseStart", false),
    });
}
