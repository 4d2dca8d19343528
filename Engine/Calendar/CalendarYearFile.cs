using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WorkflowEngine.Engine.Calendar;

/// <summary>
/// Reads and writes a year's arrangement as JSON:
/// <c>{ "year": 2026, "source": "…", "holidays": [ { "name": "元旦", "from": "2026-01-01", "to": "2026-01-03" } ], "workdays": [ "2026-01-04" ] }</c>.
/// </summary>
public static class CalendarYearFile
{
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] RootFields = ["year", "source", "holidays", "workdays"];
    private static readonly string[] HolidayFields = ["name", "from", "to"];

    public static CalendarYear Parse(string json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = Load(json, fileName);
        var reader = new Reader(fileName);
        if (root is not JObject obj) throw reader.Fail(root, "顶层必须是 JSON 对象");
        reader.RejectUnknownFields(obj, RootFields, "");

        var yearToken = reader.Required(obj, "year", "缺少年份（\"year\"）");
        if (yearToken is not JValue { Type: JTokenType.Integer, Value: long rawYear } || rawYear is < int.MinValue or > int.MaxValue)
            throw reader.Fail(yearToken, "\"year\" 必须是整数年份，例如 2026");
        var year = (int)rawYear;
        reader.CheckFileNameMatches(yearToken, year);

        var sourceToken = reader.Required(obj, "source", "缺少通知名称（\"source\"）");
        var source = reader.String(sourceToken, "\"source\"");

        var holidaysToken = reader.Required(obj, "holidays", "缺少放假安排（\"holidays\"）");
        var holidayTokens = new List<(JToken Name, JToken From, JToken To)>();
        var holidays = new List<Holiday>();
        foreach (var item in reader.Array(holidaysToken, "\"holidays\""))
        {
            if (item is not JObject holiday) throw reader.Fail(item, "\"holidays\" 的每一项必须是 { \"name\", \"from\", \"to\" } 对象");
            reader.RejectUnknownFields(holiday, HolidayFields, "放假安排中的");
            var nameToken = reader.Required(holiday, "name", "放假安排缺少节日名称（\"name\"）");
            var fromToken = reader.Required(holiday, "from", "放假安排缺少起始日（\"from\"）");
            var toToken = reader.Required(holiday, "to", "放假安排缺少结束日（\"to\"）");
            holidayTokens.Add((nameToken, fromToken, toToken));
            holidays.Add(new Holiday(reader.String(nameToken, "\"name\""), reader.Date(fromToken), reader.Date(toToken)));
        }

        var workdayTokens = new List<JToken>();
        var workdays = new List<DateOnly>();
        if (obj.TryGetValue("workdays", StringComparison.Ordinal, out var workdaysToken))
        {
            foreach (var item in reader.Array(workdaysToken, "\"workdays\""))
            {
                workdayTokens.Add(item);
                workdays.Add(reader.Date(item));
            }
        }

        var result = new CalendarYear(year, source, holidays.AsReadOnly(), workdays.AsReadOnly());
        if (CalendarYearRules.FindProblem(result) is { } problem)
        {
            var token = problem.Part switch
            {
                YearPart.Year => yearToken,
                YearPart.Source => sourceToken,
                YearPart.HolidayName => holidayTokens[problem.Index].Name,
                YearPart.HolidayFrom => holidayTokens[problem.Index].From,
                YearPart.HolidayTo => holidayTokens[problem.Index].To,
                _ => workdayTokens[problem.Index],
            };
            throw reader.Fail(token, problem.Message);
        }
        return result;
    }

    /// <summary>Every <c>*.json</c> in <paramref name="path"/> (not recursive), ordered by year.</summary>
    public static IReadOnlyList<CalendarYear> LoadDirectory(string path)
    {
        var years = new Dictionary<int, (CalendarYear Year, string FileName)>();
        foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var calendarYear = Parse(File.ReadAllText(file, Encoding.UTF8), fileName);
            if (years.TryGetValue(calendarYear.Year, out var earlier))
                throw new CalendarFormatException(fileName, null, $"{calendarYear.Year} 年已在 {earlier.FileName} 中定义，每年只能有一个文件");
            years.Add(calendarYear.Year, (calendarYear, fileName));
        }
        return years.Values.Select(v => v.Year).OrderBy(y => y.Year).ToList().AsReadOnly();
    }

    /// <summary>The file text for <paramref name="calendarYear"/>, in the layout of the files in <c>Definitions/calendars</c>.</summary>
    public static string ToJson(CalendarYear calendarYear)
    {
        ArgumentNullException.ThrowIfNull(calendarYear);
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"year\": ").Append(calendarYear.Year.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("  \"source\": ").Append(JsonConvert.ToString(calendarYear.Source)).Append(",\n");
        text.Append("  \"holidays\": [");
        for (var i = 0; i < calendarYear.Holidays.Count; i++)
        {
            var holiday = calendarYear.Holidays[i];
            text.Append(i == 0 ? "\n" : ",\n")
                .Append("    { \"name\": ").Append(JsonConvert.ToString(holiday.Name))
                .Append(", \"from\": \"").Append(CalendarYearRules.Format(holiday.First))
                .Append("\", \"to\": \"").Append(CalendarYearRules.Format(holiday.Last)).Append("\" }");
        }
        text.Append(calendarYear.Holidays.Count == 0 ? "],\n" : "\n  ],\n");
        text.Append("  \"workdays\": [");
        for (var i = 0; i < calendarYear.MakeUpWorkdays.Count; i++)
            text.Append(i == 0 ? " \"" : ", \"").Append(CalendarYearRules.Format(calendarYear.MakeUpWorkdays[i])).Append('"');
        text.Append(calendarYear.MakeUpWorkdays.Count == 0 ? "]\n" : " ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static JToken Load(string json, string? fileName)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        JToken root;
        try
        {
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
        }
        catch (JsonReaderException e)
        {
            var problem = e.Message.StartsWith("Property with the name", StringComparison.Ordinal)
                ? $"字段 \"{LastPathSegment(e.Path)}\" 重复出现"
                : $"不是有效的 JSON（第 {e.LinePosition} 列附近有语法错误）";
            throw new CalendarFormatException(fileName, e.LineNumber > 0 ? e.LineNumber : null, problem, e);
        }

        try
        {
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment) throw Trailing(reader.LineNumber, null);
        }
        catch (JsonReaderException e)
        {
            throw Trailing(e.LineNumber, e);
        }
        return root;

        CalendarFormatException Trailing(int line, Exception? inner) =>
            new(fileName, line > 0 ? line : null, "JSON 对象结束后还有多余内容", inner);
    }

    private static string LastPathSegment(string? path) =>
        string.IsNullOrEmpty(path) ? "" : path[(path.LastIndexOf('.') + 1)..];

    private sealed class Reader(string? fileName)
    {
        public CalendarFormatException Fail(JToken token, string problem)
        {
            var line = token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;
            return new CalendarFormatException(fileName, line, problem);
        }

        public JToken Required(JObject obj, string field, string missingProblem) =>
            obj.TryGetValue(field, StringComparison.Ordinal, out var token) ? token : throw Fail(obj, missingProblem);

        public void RejectUnknownFields(JObject obj, string[] allowed, string where)
        {
            foreach (var property in obj.Properties())
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                    throw Fail(property, $"{where}未知字段 \"{property.Name}\"（可用字段：{string.Join("、", allowed)}）");
        }

        public string String(JToken token, string what) =>
            token.Type == JTokenType.String && token.Value<string>() is { } s ? s : throw Fail(token, $"{what} 必须是字符串");

        public JArray Array(JToken token, string what) =>
            token as JArray ?? throw Fail(token, $"{what} 必须是数组");

        public DateOnly Date(JToken token)
        {
            if (token.Type == JTokenType.String
                && DateOnly.TryParseExact(token.Value<string>(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            throw Fail(token, $"日期 {token.ToString(Formatting.None)} 格式不正确，应为 yyyy-MM-dd，例如 \"2026-01-01\"");
        }

        public void CheckFileNameMatches(JToken yearToken, int year)
        {
            var stem = Path.GetFileNameWithoutExtension(fileName);
            if (stem is { Length: 4 } && stem.All(char.IsAsciiDigit) && stem != year.ToString(CultureInfo.InvariantCulture))
                throw Fail(yearToken, $"文件名表示 {stem} 年，但 \"year\" 是 {year}");
        }
    }
}
