using System.Globalization;
using System.Text;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>
/// Splits source text into tokens. Never throws: a lexical error becomes a final <see cref="TokenKind.Error"/>
/// token so that the parser reports whichever error comes first in the text.
/// </summary>
internal static class Lexer
{
    private static readonly Dictionary<char, string> FullWidthToAscii = new()
    {
        ['（'] = "(", ['）'] = ")", ['，'] = ",", ['＝'] = "=", ['＞'] = ">", ['＜'] = "<", ['！'] = "!",
        ['‘'] = "'", ['’'] = "'", ['“'] = "\"", ['”'] = "\"", ['［'] = "[", ['］'] = "]", ['【'] = "[", ['】'] = "]",
        ['＋'] = "+", ['－'] = "-", ['＊'] = "*", ['／'] = "/", ['％'] = "%", ['．'] = ".", ['。'] = ".",
        ['？'] = "?", ['＆'] = "&", ['｜'] = "|",
        ['０'] = "0", ['１'] = "1", ['２'] = "2", ['３'] = "3", ['４'] = "4",
        ['５'] = "5", ['６'] = "6", ['７'] = "7", ['８'] = "8", ['９'] = "9",
    };

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (true)
        {
            while (position < source.Length && char.IsWhiteSpace(source[position])) position++;
            if (position >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, EndColumn(source), ""));
                return tokens;
            }

            var token = ReadToken(source, ref position);
            tokens.Add(token);
            if (token.Kind == TokenKind.Error) return tokens;
        }
    }

    /// <summary>The column just after the last non-blank character: where a missing token would be typed.</summary>
    private static int EndColumn(string source) => source.TrimEnd().Length + 1;

    private static Token ReadToken(string source, ref int position)
    {
        var start = position;
        var c = source[position];
        var next = position + 1 < source.Length ? source[position + 1] : '\0';

        if (char.IsAsciiDigit(c)) return ReadNumber(source, ref position);
        if (c is '\'' or '"') return ReadString(source, ref position);
        if (IsIdentifierStart(source, position)) return ReadIdentifier(source, ref position);

        switch (c)
        {
            case '(': return Symbol(source, ref position, TokenKind.LeftParen, 1);
            case ')': return Symbol(source, ref position, TokenKind.RightParen, 1);
            case '[': return Symbol(source, ref position, TokenKind.LeftBracket, 1);
            case ']': return Symbol(source, ref position, TokenKind.RightBracket, 1);
            case ',': return Symbol(source, ref position, TokenKind.Comma, 1);
            case '.': return Symbol(source, ref position, TokenKind.Dot, 1);
            case '+': return Symbol(source, ref position, TokenKind.Plus, 1);
            case '-': return Symbol(source, ref position, TokenKind.Minus, 1);
            case '*': return Symbol(source, ref position, TokenKind.Star, 1);
            case '/': return Symbol(source, ref position, TokenKind.Slash, 1);
            case '%': return Symbol(source, ref position, TokenKind.Percent, 1);
            case '?' when next == '.': return Symbol(source, ref position, TokenKind.QuestionDot, 2);
            case '?': return Error(start, "“?” 只能出现在 “?.” 中（空值安全的成员访问，如 a?.b）");
            case '=' when next == '=': return Symbol(source, ref position, TokenKind.Equal, 2);
            case '=': return Error(start, "请使用 == 判断是否相等（单个 = 不是比较运算符）");
            case '!' when next == '=': return Symbol(source, ref position, TokenKind.NotEqual, 2);
            case '!': return Error(start, "请使用 not 代替 !");
            case '<' when next == '=': return Symbol(source, ref position, TokenKind.LessEqual, 2);
            case '<' when next == '>': return Error(start, "请使用 != 判断是否不相等");
            case '<': return Symbol(source, ref position, TokenKind.Less, 1);
            case '>' when next == '=': return Symbol(source, ref position, TokenKind.GreaterEqual, 2);
            case '>': return Symbol(source, ref position, TokenKind.Greater, 1);
            case '&' when next == '&': return Error(start, "请使用 and 代替 &&");
            case '&': return Error(start, "无法识别的字符 “&”，表示“并且”请使用 and");
            case '|' when next == '|': return Error(start, "请使用 or 代替 ||");
            case '|': return Error(start, "无法识别的字符 “|”，表示“或者”请使用 or");
        }

        if (FullWidthToAscii.TryGetValue(c, out var ascii))
            return Error(start, $"“{c}” 是全角字符，请改用半角 “{ascii}”");

        var width = char.IsSurrogatePair(source, position) ? 2 : 1;
        return Error(start, $"无法识别的字符 “{source.Substring(position, width)}”");
    }

    private static Token Symbol(string source, ref int position, TokenKind kind, int width)
    {
        var token = new Token(kind, position + 1, source.Substring(position, width));
        position += width;
        return token;
    }

    private static Token Error(int index, string message) => new(TokenKind.Error, index + 1, message);

    private static Token ReadNumber(string source, ref int position)
    {
        var start = position;
        while (position < source.Length && char.IsAsciiDigit(source[position])) position++;
        if (position + 1 < source.Length && source[position] == '.' && char.IsAsciiDigit(source[position + 1]))
        {
            position++;
            while (position < source.Length && char.IsAsciiDigit(source[position])) position++;
        }

        var text = source[start..position];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return Error(start, $"数字 “{Abbreviate(text)}” 超出范围");
        return new Token(TokenKind.Number, start + 1, text, Value.Number(number));
    }

    private static Token ReadString(string source, ref int position)
    {
        var start = position;
        var quote = source[position++];
        var builder = new StringBuilder();
        while (position < source.Length)
        {
            var c = source[position];
            if (c == quote)
            {
                position++;
                return new Token(TokenKind.String, start + 1, source[start..position], Value.String(builder.ToString()));
            }

            if (c == '\\')
            {
                var escaped = position + 1 < source.Length ? source[position + 1] : '\0';
                switch (escaped)
                {
                    case '\\': builder.Append('\\'); break;
                    case '\'': builder.Append('\''); break;
                    case '"': builder.Append('"'); break;
                    case 'n': builder.Append('\n'); break;
                    case '\0' when position + 1 >= source.Length:
                        return Error(start, $"字符串缺少结束引号 {quote}");
                    default:
                        return Error(position, $"不支持的转义 “\\{escaped}”，可用的转义有 \\\\、\\'、\\\"、\\n");
                }

                position += 2;
                continue;
            }

            builder.Append(c);
            position++;
        }

        return Error(start, $"字符串缺少结束引号 {quote}");
    }

    private static Token ReadIdentifier(string source, ref int position)
    {
        var start = position;
        while (position < source.Length && IsIdentifierPart(source, position, out var width)) position += width;
        var text = source[start..position];
        var kind = Keywords.TryGet(text, out var keyword) ? keyword : TokenKind.Identifier;
        return new Token(kind, start + 1, text);
    }

    private static bool IsIdentifierStart(string source, int position) =>
        source[position] == '_' || (TryRuneAt(source, position, out var rune, out _) && Rune.IsLetter(rune));

    private static bool IsIdentifierPart(string source, int position, out int width)
    {
        if (!TryRuneAt(source, position, out var rune, out width)) return false;
        return rune.Value == '_' || Rune.IsLetterOrDigit(rune);
    }

    private static bool TryRuneAt(string source, int position, out Rune rune, out int width) =>
        Rune.DecodeFromUtf16(source.AsSpan(position), out rune, out width) == System.Buffers.OperationStatus.Done;

    internal static string Abbreviate(string text, int max = 20) => text.Length <= max ? text : text[..max] + "…";
}
