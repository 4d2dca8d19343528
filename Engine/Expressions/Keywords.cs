namespace WorkflowEngine.Engine.Expressions;

internal static class Keywords
{
    private static readonly Dictionary<string, TokenKind> ByText = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
    };

    public static bool TryGet(string text, out TokenKind kind) => ByText.TryGetValue(text, out kind);

    public static bool IsKeyword(TokenKind kind) => ByText.ContainsValue(kind);

    /// <summary>The keyword spelled like <paramref name="text"/> apart from case (e.g. "AND" → "and"), if any.</summary>
    public static string? MatchIgnoringCase(string text) =>
        ByText.Keys.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
}
