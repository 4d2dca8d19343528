using System.Text;
using System.Text.Json;

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// The drawing of a stored definition (its top-level <c>"layout"</c>: node positions) replaced in the stored text itself, so
/// that moving steps leaves every other byte of the definition as it was written.
/// </summary>
public static class DefinitionLayout
{
    private const string Property = "layout";

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// <paramref name="stored"/> with the layout of <paramref name="json"/> (removed when it has none); null when the two
    /// layouts are the same.
    /// </summary>
    public static string? Replace(string stored, string json)
    {
        var wanted = LayoutText(json);
        var bytes = Encoding.UTF8.GetBytes(stored);
        var (start, end, previousEnd, lastEnd) = Locate(bytes);
        var current = start < 0 ? null : Value(Encoding.UTF8.GetString(bytes, start, end - start));
        if (current is null ? wanted is null : wanted is not null && Newtonsoft.Json.Linq.JToken.DeepEquals(current, Newtonsoft.Json.Linq.JToken.Parse(wanted)))
            return null;

        var text = new StringBuilder();
        if (start >= 0 && wanted is not null)
            return text.Append(Encoding.UTF8.GetString(bytes, 0, start)).Append($"\"{Property}\": {wanted}")
                .Append(Encoding.UTF8.GetString(bytes, end, bytes.Length - end)).ToString();
        if (start >= 0)
        {
            // Removed: from the end of the property before it (taking the comma with it), or, when it came first, up to the next one.
            var (from, to) = previousEnd >= 0 ? (previousEnd, end) : (start, NextProperty(bytes, end));
            return Encoding.UTF8.GetString(bytes, 0, from) + Encoding.UTF8.GetString(bytes, to, bytes.Length - to);
        }
        return Encoding.UTF8.GetString(bytes, 0, lastEnd) + $",\n  \"{Property}\": {wanted}" + Encoding.UTF8.GetString(bytes, lastEnd, bytes.Length - lastEnd);
    }

    private static string? LayoutText(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty(Property, out var layout) ? layout.GetRawText() : null;
    }

    /// <summary>The value of one <c>"name": value</c> property text.</summary>
    private static Newtonsoft.Json.Linq.JToken? Value(string property) => Newtonsoft.Json.Linq.JObject.Parse("{" + property + "}")[Property];

    /// <summary>Byte offsets: the layout property (name to end of value, -1 when absent), the end of the property before it, and of the last one.</summary>
    private static (int Start, int End, int PreviousEnd, int LastEnd) Locate(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, Options);
        int start = -1, end = -1, previousEnd = -1, lastEnd = -1;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            var nameStart = (int)reader.TokenStartIndex;
            var isLayout = reader.ValueTextEquals(Property);
            reader.Skip();
            if (isLayout)
            {
                (start, end, previousEnd) = (nameStart, (int)reader.BytesConsumed, lastEnd);
            }
            lastEnd = (int)reader.BytesConsumed;
        }
        return (start, end, previousEnd, lastEnd);
    }

    /// <summary>The start of the next property after a comma at <paramref name="from"/>, or <paramref name="from"/> when none follows.</summary>
    private static int NextProperty(byte[] bytes, int from)
    {
        var i = from;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') i++;
        if (i >= bytes.Length || bytes[i] != (byte)',') return from;
        i++;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') i++;
        return i;
    }
}
