using System.Text;
using WorkflowEngine.Engine.Calendar;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli;

/// <summary>
/// Every time limit of every flow with its legal basis and how it is counted: the data behind the
/// <c>legal-basis</c> verb and docs/legal-basis.md.
/// </summary>
public static class LegalBasis
{
    public static IReadOnlyList<FlowDefinition> Load(out IReadOnlyList<string> invalid)
    {
        var root = RepositoryPaths.Definitions(new WorkflowOptions());
        var options = RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(root);
        var flows = new List<FlowDefinition>();
        var bad = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "flows"), "*.json").Order(StringComparer.Ordinal))
        {
            var result = DefinitionLoader.LoadFile(file, options);
            if (result.Definition is { } d) flows.Add(d);
            else bad.Add(Path.GetFileName(file));
        }
        invalid = bad;
        return flows.OrderBy(f => f.Category ?? "其他", StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>How a duration is counted (docs/time-counting.md).</summary>
    public static string Counting(Period d) => d.Unit switch
    {
        PeriodUnit.WorkingDays => "工作日：不含法定节假日和休息日，调休上班日计入；起算日不计入",
        PeriodUnit.CalendarDays => "日历日：起算日不计入；末日为法定休假日或休息日的，顺延至其后第一个工作日",
        PeriodUnit.Hours => "小时：自规定时刻起连续计算",
        PeriodUnit.Months => "月：到期月的对应日，没有对应日的为该月最后一日；末日为休假日的顺延",
        _ => "年：到期年的对应日；末日为休假日的顺延",
    };

    /// <summary>The unit's name in the tables; the legend at the top says how each is counted.</summary>
    private static string UnitOf(DatedLimit limit) => limit.Period is { } p ? Unit(p) : "日期（期日，不顺延）";

    public static string Unit(Period d) => d.Unit switch
    {
        PeriodUnit.WorkingDays => "工作日",
        PeriodUnit.CalendarDays => "日历日",
        PeriodUnit.Hours => "小时",
        PeriodUnit.Months => "月",
        _ => "年",
    };

    private static string BasisKind(LimitBasis b) => b switch
    {
        LimitBasis.Statute => "法律法规",
        LimitBasis.Manual => "手册",
        _ => "限时办结制度（默认）",
    };

    private static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");

    /// <summary>The Markdown page (docs/legal-basis.md).</summary>
    public static string Markdown(IReadOnlyList<FlowDefinition> flows)
    {
        var text = new StringBuilder();
        text.AppendLine("# 时限及法律依据 (legal basis of every time limit)");
        text.AppendLine();
        text.AppendLine("Generated from `Definitions/flows/` by `dotnet run --project Host -- legal-basis`; do not edit by hand.");
        text.AppendLine();
        text.AppendLine("For each flow: the case limits (法定时限, 承诺时限, extension) with their basis, when the clock starts and stops, " +
                        "the periods that do not count (pauses), and every step's own limit (办理时限) and notice period with where it comes from " +
                        "and how it is counted. Counting rules: [time-counting.md](time-counting.md).");
        text.AppendLine();
        text.AppendLine("| 单位 | 计算方式 |");
        text.AppendLine("| --- | --- |");
        foreach (var unit in Enum.GetValues<PeriodUnit>())
            text.AppendLine($"| {Unit(new Period(1, unit))} | {Counting(new Period(1, unit))} |");

        foreach (var group in flows.GroupBy(f => f.Category ?? "其他"))
        {
            text.AppendLine();
            text.AppendLine($"## {group.Key}");
            foreach (var flow in group) Flow(text, flow);
        }
        return text.ToString();
    }

    private static void Flow(StringBuilder text, FlowDefinition flow)
    {
        text.AppendLine();
        text.AppendLine($"### {flow.Name} ([`{flow.Id}`](../Definitions/flows/{flow.Id}.json))");
        text.AppendLine();
        if (flow.Source is { } source) text.AppendLine($"出处：{source.File} 第 {source.Line} 行。");
        text.AppendLine();

        if (flow.Limits is { } limits)
        {
            text.AppendLine("| 案件时限 | 期限 | 计算方式 | 依据 |");
            text.AppendLine("| --- | --- | --- | --- |");
            if (limits.Statutory is { } s) text.AppendLine($"| 法定时限 | {s.Describe(flow.FieldLabel)} | {UnitOf(s)} | {Cell(s.Basis)} |");
            if (limits.Promised is { } p) text.AppendLine($"| 承诺时限 | {p.Describe(flow.FieldLabel)} | {UnitOf(p)} | {Cell(p.Basis)} |");
            if (limits.Extension is { } e)
                text.AppendLine($"| 延期（{flow.RoleName(e.ApproverRole)}批准{(e.MaxTimes is { } t ? $"，最多 {t} 次" : "")}） | 最多 {e.Max.ToChinese()} | {Unit(e.Max)} | {Cell(e.Basis)} |");
            text.AppendLine();
            var starts = limits.ClockStartsAt is { } start ? $"进入“{flow.Step(start).Name}”时起算" : "自案件开始时起算";
            var stops = limits.ClockStopsAt.Count > 0
                ? $"进入{string.Join("、", limits.ClockStopsAt.Select(id => $"“{flow.Step(id).Name}”"))}或办结时停止"
                : "办结时停止";
            text.AppendLine($"计时：{starts}，{stops}。");
            text.AppendLine();
        }
        else
        {
            text.AppendLine("本流程没有案件时限（内部事务），只有各环节办理时限。");
            text.AppendLine();
        }

        var pauses = flow.Steps.Where(s => s.Clock.Pauses).ToList();
        if (pauses.Count > 0)
        {
            text.AppendLine("| 不计入期限的环节 | 理由 |");
            text.AppendLine("| --- | --- |");
            foreach (var step in pauses) text.AppendLine($"| {Cell(step.Name)} | {Cell(step.Clock.Reason)} |");
            text.AppendLine();
        }

        var timed = flow.Steps.Where(s => s.TimeLimit is not null || s is WaitStep || s is TaskStep { OnTimeout: not null } || s.Clock.Outside is not null).ToList();
        if (timed.Count == 0) return;
        text.AppendLine("| 环节 | 期限 | 计算方式 | 来源 | 依据、说明 |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var step in timed)
        {
            if (step.TimeLimit is { } limit)
                text.AppendLine($"| {Cell(step.Name)} | {limit.Describe(flow.FieldLabel)} | {UnitOf(limit)} | {BasisKind(limit.Basis)} | {Cell(limit.Note)} |");
            if (step.Clock.Outside is { } outside)
                text.AppendLine($"| {Cell(step.Name)}（{Cell(outside.Party)}的期限，不计入本机关办理时限） | {outside.Period.ToChinese()} | {Unit(outside.Period)} | 外部期限 | {Cell(outside.Basis)} |");
            if (step is WaitStep wait)
                text.AppendLine($"| {Cell(step.Name)}（期间） | {wait.Period.ToChinese()} | {Unit(wait.Period)} | 期满自动转入下一环节 | {Cell(step.Description)} |");
            if (step is TaskStep { OnTimeout: { } timeout } task)
            {
                var after = timeout.After ?? task.Clock.Outside?.Period ?? task.TimeLimit?.Period;
                if (after is { } a)
                    text.AppendLine($"| {Cell(step.Name)}（逾期） | {a.ToChinese()} | {Unit(a)} | 逾期自动办理 | {Cell(timeout.Label)} |");
            }
        }
    }
}

/// <summary><c>legal-basis [--out FILE]</c>: writes the legal-basis page (default docs/legal-basis.md beside Definitions/).</summary>
public static class LegalBasisVerb
{
    public static string DefaultPath => Path.Combine(Path.GetDirectoryName(RepositoryPaths.Definitions(new WorkflowOptions()))!, "docs", "legal-basis.md");

    public static int Run(string[] args, TextWriter output)
    {
        var flows = LegalBasis.Load(out var invalid);
        var index = Array.IndexOf(args, "--out");
        var path = index >= 0 && index + 1 < args.Length ? args[index + 1] : DefaultPath;
        File.WriteAllText(path, LegalBasis.Markdown(flows));
        output.WriteLine($"Wrote the time limits of {flows.Count} flows to {path}");
        foreach (var file in invalid) output.WriteLine($"{file}: invalid, left out (see: validate {file})");
        return invalid.Count == 0 ? 0 : 1;
    }
}
