using System.Collections.Immutable;
using WorkflowEngine.Engine.Expressions.Nodes;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>
/// Recursive-descent parser that builds the evaluable node tree directly. Reports the first error by
/// throwing <see cref="ParseException"/>. Recursion is bounded by <see cref="ExpressionLimits.MaxDepth"/>:
/// binary operators and member chains are parsed iteratively, and every recursive construct counts a level.
/// </summary>
internal sealed class Parser
{
    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly List<string> _rootFields = [];
    private int _index;
    private int _depth;
    private int _nodeCount;
    /// <summary>Index just after the last consumed token, to cut source text of sub-expressions.</summary>
    private int _consumedEnd;

    private Parser(string source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source);
        ThrowIfLexicalError();
    }

    public static ParsedExpression Parse(string source)
    {
        var parser = new Parser(source);
        var root = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End) throw parser.Trailing(parser.Current);
        return new ParsedExpression(source, root, parser._rootFields.ToArray());
    }

    private Token Current => _tokens[_index];

    private Token Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        _index++;
        _consumedEnd = token.Column - 1 + token.Text.Length;
        ThrowIfLexicalError();
        return token;
    }

    private void ThrowIfLexicalError()
    {
        if (Current.Kind == TokenKind.Error) throw new ParseException(Current.Column, Current.Text);
    }

    private Node ParseExpression() => ParseOr();

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = Add(new OrNode(left, ParseAnd(), op.Column));
        }
        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Advance();
            left = Add(new AndNode(left, ParseNot(), op.Column));
        }
        return left;
    }

    private Node ParseNot()
    {
        if (Current.Kind != TokenKind.Not) return ParseComparison();
        var op = Advance();
        Enter(op);
        var operand = ParseNot();
        Leave();
        return Add(new NotNode(operand, op.Column));
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        if (!IsComparisonAhead()) return left;

        var op = Advance();
        var negatedIn = op.Kind == TokenKind.Not;
        if (negatedIn) Advance();
        var right = ParseAdditive();
        Node node = op.Kind switch
        {
            TokenKind.Equal => new EqualityNode(left, right, negate: false, op.Column),
            TokenKind.NotEqual => new EqualityNode(left, right, negate: true, op.Column),
            TokenKind.Less => new ComparisonNode(left, right, ComparisonOperator.Less, op.Text, op.Column),
            TokenKind.LessEqual => new ComparisonNode(left, right, ComparisonOperator.LessOrEqual, op.Text, op.Column),
            TokenKind.Greater => new ComparisonNode(left, right, ComparisonOperator.Greater, op.Text, op.Column),
            TokenKind.GreaterEqual => new ComparisonNode(left, right, ComparisonOperator.GreaterOrEqual, op.Text, op.Column),
            _ => new MembershipNode(left, right, negatedIn, op.Column),
        };

        if (IsComparisonAhead())
            throw new ParseException(Current.Column, "比较运算不能连写，请把 a < b < c 改写为 a < b and b < c");
        return Add(node);
    }

    private bool IsComparisonAhead() => Current.Kind switch
    {
        TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual
            or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.In => true,
        TokenKind.Not => Next.Kind == TokenKind.In,
        _ => false,
    };

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = Add(op.Kind == TokenKind.Plus
                ? (Node)new AddNode(left, right, op.Column)
                : new ArithmeticNode(left, right, ArithmeticOperator.Subtract, op.Text, op.Column));
        }
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var arithmetic = op.Kind switch
            {
                TokenKind.Star => ArithmeticOperator.Multiply,
                TokenKind.Slash => ArithmeticOperator.Divide,
                _ => ArithmeticOperator.Remainder,
            };
            left = Add(new ArithmeticNode(left, ParseUnary(), arithmetic, op.Text, op.Column));
        }
        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus) return ParsePostfix();
        var op = Advance();
        Enter(op);
        var operand = ParseUnary();
        Leave();
        return Add(operand is LiteralNode { Value.Kind: ValueKind.Number } literal
            ? (Node)new LiteralNode(Value.Number(-literal.Value.AsNumber), op.Column)
            : new NegateNode(operand, op.Column));
    }

    private Node ParsePostfix()
    {
        var start = Current.Column - 1;
        var node = ParsePrimary();
        while (Current.Kind is TokenKind.Dot or TokenKind.QuestionDot)
        {
            var targetText = _source[start.._consumedEnd];
            var op = Advance();
            var name = Current;
            if (name.Kind != TokenKind.Identifier)
            {
                throw name.Kind switch
                {
                    TokenKind.End => new ParseException(op.Column, $"表达式不完整，{op.Display} 之后缺少字段名"),
                    _ when Keywords.IsKeyword(name.Kind) => new ParseException(name.Column, $"“{name.Text}” 是关键字，不能用作字段名"),
                    _ => new ParseException(name.Column, $"{op.Display} 之后应为字段名，却遇到 {name.Display}"),
                };
            }

            Advance();
            if (Current.Kind == TokenKind.LeftParen)
                throw new ParseException(name.Column, $"不能在 {op.Display} 之后调用函数；内置函数请直接调用，如 len(x)");
            node = Add(new MemberNode(node, targetText, name.Text, op.Kind == TokenKind.QuestionDot, op.Column));
        }
        return node;
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                Advance();
                return Add(new LiteralNode(token.Literal, token.Column));
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return Add(new LiteralNode(Value.Bool(token.Kind == TokenKind.True), token.Column));
            case TokenKind.Null:
                Advance();
                return Add(new LiteralNode(Value.Null, token.Column));
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.Identifier when Next.Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                Advance();
                if (!_rootFields.Contains(token.Text)) _rootFields.Add(token.Text);
                return Add(new FieldNode(token.Text, token.Column));
            case TokenKind.End:
                var previous = _tokens[_index - 1];
                throw new ParseException(previous.Column, $"表达式不完整，{previous.Display} 之后缺少操作数");
            case TokenKind.Not:
                throw new ParseException(token.Column, "“not” 的优先级低于比较和算术运算，在运算符之后使用时请加括号，如 a == (not b)");
            default:
                throw new ParseException(token.Column, $"此处缺少操作数（数值、字段名或括号表达式），却遇到 {token.Display}");
        }
    }

    private Node ParseParenthesized()
    {
        var open = Advance();
        Enter(open);
        var inner = ParseExpression();
        Expect(TokenKind.RightParen, open, "右括号 “)”", "“)”");
        Leave();
        return inner;
    }

    private Node ParseList()
    {
        var open = Advance();
        Enter(open);
        var items = ParseItems(TokenKind.RightBracket);
        Expect(TokenKind.RightBracket, open, "右方括号 “]”", "“,” 或 “]”");
        Leave();

        if (items.All(item => item is LiteralNode))
            return Add(new LiteralNode(Value.List(items.Select(item => ((LiteralNode)item).Value)), open.Column));
        return Add(new ListNode(items, open.Column));
    }

    private Node ParseCall()
    {
        var name = Advance();
        if (!Functions.TryGet(name.Text, out var function))
        {
            var suggestion = Functions.Suggest(name.Text);
            var hint = suggestion switch
            {
                null => "",
                _ when string.Equals(suggestion, name.Text, StringComparison.OrdinalIgnoreCase) =>
                    $"；函数名区分大小写，请写成 “{suggestion}”",
                _ => $"；是否想写 “{suggestion}”？",
            };
            throw new ParseException(name.Column, $"未知函数 “{name.Text}”，可用函数：{Functions.NameList}{hint}");
        }

        var open = Advance();
        Enter(open);
        var arguments = ParseItems(TokenKind.RightParen);
        Expect(TokenKind.RightParen, open, "右括号 “)”", "“,” 或 “)”");
        Leave();

        if (arguments.Length < function.MinArguments || arguments.Length > function.MaxArguments)
            throw new ParseException(name.Column,
                $"函数 {function.Name} {function.ArgumentCountText}，实际传入 {arguments.Length} 个；用法：{function.Usage}");
        return Add(function.CreateNode(arguments, name.Column));
    }

    private ImmutableArray<Node> ParseItems(TokenKind close)
    {
        var items = ImmutableArray.CreateBuilder<Node>();
        if (Current.Kind == close) return items.ToImmutable();
        items.Add(ParseExpression());
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            items.Add(ParseExpression());
        }
        return items.ToImmutable();
    }

    private void Expect(TokenKind close, Token open, string closeName, string expected)
    {
        if (Current.Kind == close)
        {
            Advance();
            return;
        }

        if (Current.Kind == TokenKind.End)
            throw new ParseException(Current.Column, $"缺少{closeName}（第 {open.Column} 列的 {open.Display} 没有闭合）");
        throw new ParseException(Current.Column,
            $"此处应为 {expected}（与第 {open.Column} 列的 {open.Display} 配对），却遇到 {Current.Display}{KeywordCaseHint(Current)}");
    }

    private ParseException Trailing(Token token) => token.Kind switch
    {
        TokenKind.RightParen => new ParseException(token.Column, "多余的右括号 “)”"),
        TokenKind.RightBracket => new ParseException(token.Column, "多余的右方括号 “]”"),
        TokenKind.Not => new ParseException(token.Column, "“not” 只能放在条件之前（如 not a），或与 in 连用（a not in b）"),
        _ when KeywordCaseHint(token) is { Length: > 0 } hint => new ParseException(token.Column, hint.TrimStart('；')),
        _ => new ParseException(token.Column,
            $"此处不应出现 {token.Display}，前面的表达式已经完整；是否缺少运算符（如 and、or、==）？"),
    };

    private static string KeywordCaseHint(Token token) =>
        token.Kind == TokenKind.Identifier && Keywords.MatchIgnoringCase(token.Text) is { } keyword
            ? $"；关键字区分大小写，请把 “{token.Text}” 写成 “{keyword}”"
            : "";

    private void Enter(Token token)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
            throw new ParseException(token.Column, $"嵌套超过 {ExpressionLimits.MaxDepth} 层（括号、函数调用、not 或负号），请简化表达式");
    }

    private void Leave() => _depth--;

    private T Add<T>(T node) where T : Node
    {
        if (++_nodeCount > ExpressionLimits.MaxNodes)
            throw new ParseException(node.Column, $"表达式过于复杂（超过 {ExpressionLimits.MaxNodes} 个语法节点），请拆分为多个条件");
        return node;
    }
}
