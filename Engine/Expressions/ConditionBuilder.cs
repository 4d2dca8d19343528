using System.Globalization;
using System.Text;
using WorkflowEngine.Engine.Expressions.Nodes;

namespace WorkflowEngine.Engine.Expressions;

/// <summary>
/// Converts between condition text and the designer's builder tree, with the parser of the core so that the
/// builder and the engine read a condition the same way. Text the builder cannot show is reported, not guessed.
/// </summary>
public static class ConditionBuilder
{
    /// <summary>Rule operators. <c>contains</c> is <c>value in field</c> (a list field holds the value).</summary>
    public static readonly IReadOnlyList<string> Operators = ["==", "!=", ">", ">=", "<", "<=", "in", "not in", "contains", "not contains"];

    private const string NotRepresentable = "条件构建器不能表示";

    public static ConditionTreeResult ToTree(string expression)
    {
        var parsed = ExpressionParser.Parse(expression);
        if (!parsed.Success) return new ConditionTreeResult(null, parsed.Error!.Message);
        var root = parsed.Expression!.Root;
        if (root is LiteralNode { Value: { Kind: ValueKind.Boolean, AsBoolean: true } })
            return new ConditionTreeResult(ConditionTree.Group("and", []), null);
        string? reason = null;
        var tree = FromNode(root, ref reason);
        return tree is null ? new ConditionTreeResult(null, reason) : new ConditionTreeResult(tree, null);
    }

    private static ConditionTree? FromNode(Node node, ref string? reason)
    {
        switch (node)
        {
            case AndNode or OrNode:
                var match = node is AndNode ? "and" : "or";
                var items = new List<ConditionTree>();
                foreach (var operand in Operands(node, node.GetType()))
                {
                    if (FromNode(operand, ref reason) is not { } item) return null;
                    items.Add(item);
                }
                return ConditionTree.Group(match, items);
            case EqualityNode or ComparisonNode or MembershipNode:
                return FromComparison((BinaryNode)node, ref reason);
            case NotNode:
                reason = $"{NotRepresentable}“not”取反，请以文本编辑";
                return null;
            default:
                reason = $"{NotRepresentable}此条件（应为“字段 运算符 值”的比较，用 and/or 组合），请以文本编辑";
                return null;
        }
    }

    /// <summary>The operands of a chain of the same logical operator: a and b and c → [a, b, c].</summary>
    private static IEnumerable<Node> Operands(Node node, Type chain)
    {
        if (node.GetType() != chain) return [node];
        var binary = (BinaryNode)node;
        return Operands(binary.Left, chain).Concat(Operands(binary.Right, chain));
    }

    private static ConditionTree? FromComparison(BinaryNode node, ref string? reason)
    {
        var op = node.Operator;
        if (node is MembershipNode && node.Left is LiteralNode item && node.Right is FieldNode list)
            return ConditionTree.Rule(list.Name, op == "in" ? "contains" : "not contains", item.Value);
        if (node.Left is not FieldNode field)
        {
            reason = $"{NotRepresentable}左侧不是字段的比较（“{op}”），请以文本编辑";
            return null;
        }
        return node.Right switch
        {
            LiteralNode literal => ConditionTree.Rule(field.Name, op, literal.Value),
            FieldNode other => ConditionTree.Rule(field.Name, op, Value.Null, other.Name),
            _ => Fail(ref reason, $"{NotRepresentable}右侧为计算式的比较（“{field.Name} {op} …”），请以文本编辑"),
        };
    }

    private static ConditionTree? Fail(ref string? reason, string message)
    {
        reason = message;
        return null;
    }

    /// <summary>The expression text of a tree; it is parsed again before it is returned.</summary>
    public static ConditionTextResult ToExpression(ConditionTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        try
        {
            var text = Format(tree, parent: null, depth: 0);
            var check = ExpressionParser.Parse(text);
            return check.Success ? new ConditionTextResult(text, null) : new ConditionTextResult(null, check.Error!.Message);
        }
        catch (ConditionTreeException e)
        {
            return new ConditionTextResult(null, e.Message);
        }
    }

    private sealed class ConditionTreeException(string message) : Exception(message);

    private static string Format(ConditionTree? tree, string? parent, int depth)
    {
        if (tree is null) throw new ConditionTreeException("条件项不能为空");
        if (depth > ExpressionLimits.MaxDepth) throw new ConditionTreeException($"条件组嵌套超过 {ExpressionLimits.MaxDepth} 层");
        return tree.Kind switch
        {
            "group" => FormatGroup(tree, parent, depth),
            "rule" => FormatRule(tree),
            _ => throw new ConditionTreeException($"条件项的类型“{tree.Kind}”无效，应为 group（条件组）或 rule（条件）"),
        };
    }

    private static string FormatGroup(ConditionTree group, string? parent, int depth)
    {
        if (group.Match is not ("and" or "or")) throw new ConditionTreeException($"条件组的组合方式“{group.Match}”无效，应为 and（全部满足）或 or（任一满足）");
        var items = group.Items ?? [];
        if (items.Count == 0)
        {
            if (parent is null && group.Match == "and") return "true";
            throw new ConditionTreeException("条件组不能为空，请添加条件或删除该组");
        }
        var parts = items.Select(i => Format(i, group.Match, depth + 1)).ToList();
        var text = string.Join($" {group.Match} ", parts);
        // "and" binds tighter than "or": only an "or" group inside an "and" group needs parentheses.
        return parent == "and" && group.Match == "or" && parts.Count > 1 ? $"({text})" : text;
    }

    private static string FormatRule(ConditionTree rule)
    {
        var field = Name(rule.Field, "字段");
        var op = rule.Operator ?? "";
        if (!Operators.Contains(op)) throw new ConditionTreeException($"运算符“{op}”无效，可用：{string.Join("、", Operators)}");
        var value = rule.ValueField is { Length: > 0 } other ? Name(other, "比较字段") : Literal(rule.Value);
        if (op is "in" or "not in" && rule.ValueField is null && rule.Value.Kind is not (ValueKind.List or ValueKind.String))
            throw new ConditionTreeException($"“{op}”的值应为列表（可选值之一）或文本，字段“{field}”");
        return op switch
        {
            "contains" => $"{value} in {field}",
            "not contains" => $"{value} not in {field}",
            _ => $"{field} {op} {value}",
        };
    }

    /// <summary>A field name must read back as one identifier (not a keyword, no spaces or operators).</summary>
    private static string Name(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ConditionTreeException($"请选择{what}");
        var tokens = Lexer.Tokenize(name);
        if (tokens.Count != 2 || tokens[0].Kind != TokenKind.Identifier || tokens[0].Text != name)
            throw new ConditionTreeException($"{what}“{name}”不是有效的字段名");
        return name;
    }

    private static string Literal(Value value) => value.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => value.AsBoolean ? "true" : "false",
        ValueKind.Number => value.AsNumber.ToString(CultureInfo.InvariantCulture),
        ValueKind.String => Quote(value.AsString),
        ValueKind.List => $"[{string.Join(", ", value.AsList.Select(Literal))}]",
        _ => throw new ConditionTreeException("条件的值不能是对象，请填写文本、数字、是/否或列表"),
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder("'");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '\n' => @"\n",
                _ => c.ToString(),
            });
        }
        return builder.Append('\'').ToString();
    }
}
