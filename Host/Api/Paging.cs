using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WorkflowEngine.Server.Api;

public sealed record WorkItemPage(IReadOnlyList<WorkItemDto> Items, string? Next);
public sealed record CaseListPage(IReadOnlyList<CaseListItemDto> Items, string? Next);
public sealed record OpenDeadlinePage(IReadOnlyList<OpenDeadlineDto> Items, string? Next);
public sealed record AlertPage(IReadOnlyList<AlertDto> Items, string? Next);
public sealed record RiskEventPage(IReadOnlyList<RiskEventDto> Items, string? Next);

/// <summary>
/// Keyset (cursor) paging for every list: <c>?limit=</c> (default 50, at most 200) and an opaque <c>?cursor=</c> that
/// carries the sort key of the last row returned, so the next page starts right after it however many rows come before.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The page size asked for, or a 400 problem in Chinese.</summary>
    public static (int Limit, IResult? Error) Limit(string? text)
    {
        if (string.IsNullOrEmpty(text)) return (DefaultLimit, null);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > MaxLimit)
            return (0, Problems.BadRequest($"limit 应为 1 到 {MaxLimit} 之间的整数（默认 {DefaultLimit}）。"));
        return (limit, null);
    }

    /// <summary>The sort key a cursor carries (<paramref name="parts"/> values), null for the first page, or a 400 problem in Chinese.</summary>
    public static (string?[]? Key, IResult? Error) Cursor(string? text, int parts)
    {
        if (string.IsNullOrEmpty(text)) return (null, null);
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            var key = JsonSerializer.Deserialize<string?[]>(bytes);
            if (key is not null && key.Length == parts) return (key, null);
        }
        catch (Exception e) when (e is FormatException or JsonException) { }
        return (null, Problems.BadRequest("cursor 无效：请使用上一页返回的 next，或不带 cursor 从第一页开始。"));
    }

    public static string Encode(params string?[] key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static string Ticks(DateTimeOffset? at) => at is { } a ? a.UtcTicks.ToString(CultureInfo.InvariantCulture) : "";

    public static DateTimeOffset? Instant(string? ticks) =>
        string.IsNullOrEmpty(ticks) ? null : new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static long Long(string? text) => long.Parse(text ?? "", CultureInfo.InvariantCulture);

    /// <summary>Checks that a cursor's values parse as what the list sorts by; a forged cursor is a 400, never a 500.</summary>
    public static bool Valid(string?[] key, Func<string?[], object?> parse)
    {
        try { parse(key); return true; }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return false; }
    }

    public static IResult BadCursor() => Problems.BadRequest("cursor 无效：请使用上一页返回的 next，或不带 cursor 从第一页开始。");
}
