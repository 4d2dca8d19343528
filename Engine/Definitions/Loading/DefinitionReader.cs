using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>Turns definition JSON into the model, reporting structural problems (types, missing and unknown properties).</summary>
internal static class DefinitionReader
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    public static JToken? Parse(string json, ErrorSink errors)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, LoadSettings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
                errors.Add(new SourceLocation(reader.Path, reader.LineNumber), "JSON 格式错误：文档结束后还有多余内容。");
            return token;
        }
        catch (JsonReaderException e)
        {
            errors.Add(new SourceLocation(e.Path ?? "", e.LineNumber), $"JSON 格式错误（第 {e.LinePosition} 列）：{Explain(e)}");
            return null;
        }
    }

    private static string Explain(JsonReaderException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
        var core = cut > 0 ? message[..cut] : message;
        if (core.Contains("Duplicate property", StringComparison.Ordinal)) return $"属性重复。{core}";
        if (core.Contains("Unexpected end", StringComparison.Ordinal)) return $"文档意外结束，可能缺少“}}”或“]”。{core}";
        if (core.Contains("Invalid character after parsing property name", StringComparison.Ordinal)) return $"属性名后应为冒号“:”。{core}";
        if (core.Contains("After parsing a value an unexpected character", StringComparison.Ordinal)) return $"值之后缺少逗号“,”或有多余字符。{core}";
        return core;
    }

    public static FlowDefinition? Read(JToken token, ErrorSink errors)
    {
        var root = ObjectReader.From(token, errors, "流程定义");
        if (root is null) return null;

        var id = root.String("id", required: true) ?? "";
        var version = root.Int("version", required: true, min: 1) ?? 1;
        var name = root.String("name", required: true) ?? "";
        var category = root.String("category");
        var description = root.String("description");
        var source = ReadSource(root.Object("source"));
        var roles = root.Objects("roles", required: true).Select(ReadRole).ToList();
        var fields = root.Objects("fields").Select(ReadField).ToList();
        var caseTitle = root.StringList("caseTitle");
        var constants = root.ValueMap("constants");
        var risks = root.Objects("riskPoints").Select(ReadRiskPoint).ToList();
        var limits = root.Object("limits") is { } l ? ReadLimits(l) : null;
        var withdrawal = root.Object("withdrawal") is { } w ? ReadWithdrawal(w) : null;
        var batch = root.Object("batch") is { } b ? BatchReader.Read(b) : null;
        var start = root.StepReference("start", required: true) ?? "";
        var steps = root.Objects("steps", required: true).Select(ReadStep).OfType<StepDefinition>().ToList();
        var layout = LayoutReader.Read(root.Untyped("layout"));

        return root.Finish(new FlowDefinition
        {
            Id = id, Version = version, Name = name, Category = category, Description = description, Source = source,
            Roles = roles, Fields = fields, CaseTitle = caseTitle, Constants = constants, RiskPoints = risks, Limits = limits,
            Withdrawal = withdrawal, Batch = batch, StartStepId = start, Steps = steps, Layout = layout,
        });
    }

    private static SourceReference? ReadSource(ObjectReader? r)
    {
        if (r is null) return null;
        var file = r.String("file", required: true) ?? "";
        var line = r.Int("line", required: true, min: 1) ?? 1;
        var note = r.String("note");
        r.RejectUnknownProperties();
        return new SourceReference(file, line, note);
    }

    private static RoleDefinition ReadRole(ObjectReader r) => r.Finish(new RoleDefinition
    {
        Id = r.String("id", required: true) ?? "",
        Name = r.String("name", required: true) ?? "",
    });

    private static FieldDefinition ReadField(ObjectReader r)
    {
        var field = new FieldDefinition
        {
            Id = r.String("id", required: true) ?? "",
            Label = r.String("label", required: true) ?? "",
            Type = r.EnumOrNull<FieldType>("type", required: true) ?? FieldType.Text,
            Required = r.Bool("required", false),
            Options = r.StringList("options"),
            Items = r.Objects("items").Select(ReadMaterial).ToList(),
            Description = r.String("description"),
            VisibleTo = ReadConfidential(r.Object("confidential")),
        };
        if (field.Type == FieldType.Choice && field.Options.Count == 0)
            r.Errors.Add(r.LocationOfProperty("options"), "选择型字段（choice）须在“options”中列出可选项。");
        if (field.Type == FieldType.Materials && field.Items.Count == 0)
            r.Errors.Add(r.LocationOfProperty("items"), "材料清单字段（materials）须在“items”中列出材料。");
        return r.Finish(field);
    }

    /// <summary>"confidential": { "visibleTo": ["post", …] }: the posts that may read the field (besides supervisors).</summary>
    private static IReadOnlyList<string>? ReadConfidential(ObjectReader? r)
    {
        if (r is null) return null;
        var posts = r.StringList("visibleTo", required: true);
        r.RejectUnknownProperties();
        return posts;
    }

    private static MaterialItem ReadMaterial(ObjectReader r)
    {
        var id = r.String("id", required: true) ?? "";
        var name = r.String("name", required: true) ?? "";
        var required = r.Bool("required", true);
        var (when, condition) = r.Condition("requiredWhen");
        if (when is not null && r.Locations.ContainsKey("required"))
            r.Errors.Add(r.LocationOfProperty("requiredWhen"), "“required”与“requiredWhen”只能写一项：写了条件的材料只在条件成立时必备。");
        var item = new MaterialItem(id, name, required && when is null, when) { Condition = condition };
        r.RejectUnknownProperties();
        return item;
    }

    private static RiskPoint ReadRiskPoint(ObjectReader r) => r.Finish(new RiskPoint
    {
        Id = r.String("id", required: true) ?? "",
        Level = r.Int("level", required: true, min: 1, max: 3) ?? 3,
        Text = r.String("text", required: true) ?? "",
        Measures = r.StringList("measures"),
    });

    private static CaseLimits ReadLimits(ObjectReader r) => r.Finish(new CaseLimits
    {
        Statutory = r.Object("statutory") is { } s ? ReadLimit(s) : null,
        Promised = r.Object("promised") is { } p ? ReadLimit(p) : null,
        ClockStartsAt = r.String("clockStartsAt"),
        ClockStopsAt = r.StringList("clockStopsAt"),
        Extension = r.Object("extension") is { } e ? ReadExtension(e) : null,
        Warning = r.Object("warning") is { } w ? ReadWarning(w) : WarningRule.Default,
    });

    private static LimitDefinition ReadLimit(ObjectReader r)
    {
        var (period, yearly, field) = ReadDuration(r, "时限");
        return r.Finish(new LimitDefinition { Period = period, UntilYearly = yearly, UntilField = field, Basis = r.String("basis") });
    }

    private static ExtensionRule ReadExtension(ObjectReader r) => r.Finish(new ExtensionRule
    {
        Max = r.Period("max", required: true) ?? default,
        ApproverRole = r.String("approverRole", required: true) ?? "",
        MaxTimes = r.Int("maxTimes", min: 1, max: 10),
        Basis = r.String("basis"),
    });

    private static WarningRule ReadWarning(ObjectReader r) => r.Finish(new WarningRule
    {
        PercentUsed = r.Int("percentUsed", min: 1, max: 99) ?? WarningRule.Default.PercentUsed,
        Remaining = r.Period("remaining"),
    });

    private static WithdrawalRule ReadWithdrawal(ObjectReader r) => r.Finish(new WithdrawalRule
    {
        Role = r.String("role", required: true) ?? "",
        To = r.StepReference("to", required: true) ?? "",
        AllowedAt = r.StringList("allowedAt"),
    });

    private static StepDefinition? ReadStep(ObjectReader r)
    {
        var kind = r.EnumOrNull<StepKind>("kind", required: true);
        var common = new CommonStepParts(
            r.String("id", required: true) ?? "",
            r.String("name", required: true) ?? "",
            r.String("description"),
            r.Object("timeLimit") is { } t ? ReadTimeLimit(t) : null,
            r.Object("clock") is { } c ? ReadClock(c) : ClockEffect.Counts,
            r.StringList("risks"),
            r.Objects("checks").Select(ReadCheck).ToList(),
            r.Enum("signMode", SignMode.Any));

        StepDefinition? step = kind switch
        {
            StepKind.Task => StepReaders.Task(r, common),
            StepKind.Decision => StepReaders.Decision(r, common),
            StepKind.Parallel => StepReaders.Parallel(r, common),
            StepKind.Join => StepReaders.Join(r, common),
            StepKind.Vote => StepReaders.Vote(r, common),
            StepKind.Wait => StepReaders.Wait(r, common),
            StepKind.End => StepReaders.End(r, common),
            _ => null,
        };
        if (step is not null) return r.Finish(step);
        r.RejectUnknownProperties();
        return null;
    }

    private static StepTimeLimit ReadTimeLimit(ObjectReader r)
    {
        var (period, yearly, field) = ReadDuration(r, "办理时限");
        return r.Finish(new StepTimeLimit
        {
            Period = period,
            UntilYearly = yearly,
            UntilField = field,
            Basis = r.Enum("basis", LimitBasis.Manual),
            Note = r.String("note"),
        });
    }

    /// <summary>Exactly one of “duration” (a period), “until” (every year's MM-dd) and “untilField” (a date field): the forms of <see cref="DatedLimit"/>.</summary>
    private static (Calendar.Period? Period, (int, int)? Yearly, string? Field) ReadDuration(ObjectReader r, string what)
    {
        var period = r.Period("duration");
        var until = r.String("until");
        var untilField = r.String("untilField");
        (int, int)? yearly = null;
        if (until is not null)
        {
            if (DateOnly.TryParseExact("2000-" + until, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var md))
                yearly = (md.Month, md.Day);
            else
                r.Errors.Add(r.LocationOfProperty("until"), $"“until”的值“{until}”无效：应为每年的月日，格式 MM-dd，如 \"08-31\"。");
        }
        var given = new[] { "duration", "until", "untilField" }.Count(r.Locations.ContainsKey);
        if (given == 0)
            r.Errors.Add(r.LocationOfProperty("duration"), $"{what}须写明“duration”（期间）、“until”（每年的截止月日）或“untilField”（截止日期字段）之一。");
        if (given > 1) r.Errors.Add(r.Location, $"{what}的“duration”“until”“untilField”只能写一项。");
        return (period, yearly, untilField);
    }

    private static ClockEffect ReadClock(ObjectReader r)
    {
        var effect = r.String("effect", required: true);
        var reason = r.String("reason");
        var outside = r.Object("outside") is { } o ? ReadOutside(o) : null;
        if (outside is not null && effect != "pause")
            r.Errors.Add(r.LocationOfProperty("outside"), "只有暂停计时的环节（\"effect\": \"pause\"）才能设置外部期限“outside”。");
        if (effect is not null and not "count" and not "pause")
            r.Errors.Add(r.LocationOfProperty("effect"), $"“effect”的值“{effect}”无效，可选值：count、pause。");
        if (effect == "pause" && string.IsNullOrWhiteSpace(reason))
            r.Errors.Add(r.LocationOfProperty("reason"), "暂停计时的环节须在“reason”中写明原因（如“补正材料”“专家评审”）。");
        return r.Finish(new ClockEffect { Pauses = effect == "pause", Reason = reason, Outside = outside });
    }

    private static OutsideLimit ReadOutside(ObjectReader r) => r.Finish(new OutsideLimit
    {
        Party = r.String("party", required: true) ?? "",
        Period = r.Period("duration", required: true) ?? default,
        Basis = r.String("basis"),
    });

    private static RiskCheckBinding ReadCheck(ObjectReader r)
    {
        var (when, condition) = r.Condition("when");
        return r.Finish(new RiskCheckBinding
        {
            RiskPointId = r.String("risk", required: true) ?? "",
            CheckName = r.String("check", required: true) ?? "",
            Phase = r.Enum("on", CheckPhase.Complete),
            Mode = r.Enum("mode", CheckMode.Block),
            Actions = r.StringList("actions"),
            Parameters = r.RawObject("params") ?? new JObject(),
            When = when,
            WhenCondition = condition,
        });
    }
}

/// <summary>The properties every step kind has.</summary>
internal sealed record CommonStepParts(
    string Id, string Name, string? Description, StepTimeLimit? TimeLimit, ClockEffect Clock,
    IReadOnlyList<string> RiskPointIds, IReadOnlyList<RiskCheckBinding> Checks, SignMode SignMode);
