namespace WorkflowEngine.Engine.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    And,
    Or,
    Not,
    In,
    True,
    False,
    Null,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    QuestionDot,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    End,
    /// <summary>The lexer stopped here; <see cref="Token.Text"/> holds the error message (without the column).</summary>
    Error,
}

/// <param name="Column">1-based column of the first character.</param>
/// <param name="Text">The source text of the token (the error message for <see cref="TokenKind.Error"/>).</param>
/// <param name="Literal">The value of a number or string literal.</param>
internal readonly record struct Token(TokenKind Kind, int Column, string Text, Value Literal = default)
{
    public string Display => Kind == TokenKind.End ? "表达式结尾" : $"“{Text}”";
}
