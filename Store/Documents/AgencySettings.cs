using System.Text.RegularExpressions;
using WorkflowEngine.Engine.Definitions.Loading;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Store.Documents;

/// <summary>
/// What the agency's documents say about the agency: its names, address and telephone, the 复议机关 and the court an
/// applicant may turn to, the 文号 pattern of each document kind, the correction period it grants, and the limits on
/// uploaded material files.
/// </summary>
public sealed record AgencySettings
{
    public string FullName { get; init; } = "某市卫生健康委员会";
    public string ShortName { get; init; } = "某卫健委";
    public string Address { get; init; } = "（请在“文书设置”中填写机关地址）";
    public string Telephone { get; init; } = "（请在“文书设置”中填写联系电话）";
    public string ReconsiderationBody { get; init; } = "某市人民政府";
    public string Court { get; init; } = "某市某区人民法院";

    /// <summary>The 文号 pattern per document kind (kebab-case name): <c>{year}</c> and <c>{n}</c> are filled in.</summary>
    public IReadOnlyDictionary<string, string> NumberPatterns { get; init; } = DefaultPatterns;

    /// <summary>Working days the applicant has to hand in the missing materials, counted from the day of the notice.</summary>
    public int CorrectionWorkingDays { get; init; } = 10;

    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;
    public IReadOnlyList<string> AllowedUploadExtensions { get; init; } = [".pdf", ".jpg", ".jpeg", ".png", ".docx", ".doc", ".ofd"];

    public static readonly IReadOnlyDictionary<string, string> DefaultPatterns = new Dictionary<string, string>
    {
        ["correction-notice"] = "卫许补字〔{year}〕第{n}号",
        ["acceptance-notice"] = "卫许受字〔{year}〕第{n}号",
        ["refusal-decision"] = "卫许不受字〔{year}〕第{n}号",
        ["extension-notice"] = "卫许延字〔{year}〕第{n}号",
        ["hearing-notice"] = "卫许听字〔{year}〕第{n}号",
        ["grant-decision"] = "卫许准字〔{year}〕第{n}号",
        ["denial-decision"] = "卫许不准字〔{year}〕第{n}号",
        ["reconsideration-correction-notice"] = "卫复补字〔{year}〕第{n}号",
        ["reconsideration-acceptance-notice"] = "卫复受字〔{year}〕第{n}号",
        ["reconsideration-refusal-decision"] = "卫复不受字〔{year}〕第{n}号",
        ["reconsideration-reply"] = "卫复答字〔{year}〕第{n}号",
        ["reconsideration-decision"] = "卫复决字〔{year}〕第{n}号",
    };

    public const long UploadCeiling = 200L * 1024 * 1024;

    /// <summary>The pattern of a kind: the agency's, else the default.</summary>
    public string PatternOf(DocumentKind kind) =>
        NumberPatterns.TryGetValue(JsonNames.Of(kind), out var p) && !string.IsNullOrWhiteSpace(p) ? p : DefaultPatterns[JsonNames.Of(kind)];

    /// <summary>The first thing wrong with these settings, in Chinese, or null.</summary>
    public string? Problem()
    {
        foreach (var (name, value) in new[]
                 {
                     ("机关全称", FullName), ("机关简称", ShortName), ("地址", Address), ("联系电话", Telephone), ("行政复议机关", ReconsiderationBody),
                     ("人民法院", Court),
                 })
        {
            if (string.IsNullOrWhiteSpace(value)) return $"{name}不能为空。";
            if (value.Length > 200) return $"{name}不能超过 200 个字。";
        }
        foreach (var (kind, pattern) in NumberPatterns)
        {
            if (!JsonNames.All<DocumentKind>().TryGetValue(kind, out var known)) return $"文号格式中的文书种类“{kind}”不存在。";
            if (DocumentNumber.Problem(pattern) is { } problem) return $"“{DocumentKinds.Name(known)}”的文号格式有误：{problem}";
        }
        if (CorrectionWorkingDays is < 1 or > 60) return "补正期限应为 1 至 60 个工作日。";
        if (MaxUploadBytes < 1024 || MaxUploadBytes > UploadCeiling) return $"上传文件大小上限应在 1 KB 至 {UploadCeiling / 1024 / 1024} MB 之间。";
        if (AllowedUploadExtensions.Count == 0) return "请至少允许一种上传文件类型。";
        if (AllowedUploadExtensions.Any(e => !Regex.IsMatch(e, "^\\.[a-z0-9]{1,8}$"))) return "上传文件类型应写作小写扩展名，如 .pdf。";
        return null;
    }
}

/// <summary>Document numbers (文号) from a pattern such as <c>X卫许受字〔{year}〕第{n}号</c>.</summary>
public static partial class DocumentNumber
{
    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Token();

    public static string Format(string pattern, int year, long n) =>
        pattern.Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>What is wrong with a pattern, or null: it must hold {n} once, and {year} at most once, and nothing else in braces.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "不能为空。";
        if (pattern.Length > 60) return "不能超过 60 个字。";
        foreach (Match m in Token().Matches(pattern))
            if (m.Groups[1].Value is not ("year" or "n")) return $"未知的占位符“{m.Value}”，只能使用 {{year}} 和 {{n}}。";
        if (CountOf(pattern, "{n}") != 1) return "须含且只含一个 {n}（序号）。";
        if (CountOf(pattern, "{year}") > 1) return "{year}（年份）最多出现一次。";
        return null;
    }

    private static int CountOf(string text, string token) => (text.Length - text.Replace(token, "", StringComparison.Ordinal).Length) / token.Length;
}
