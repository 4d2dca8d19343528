namespace WorkflowEngine.Engine.Risk;

/// <summary>
/// What a check's parameter holds, so that the designer can draw a form for it instead of asking for JSON.
/// </summary>
public enum RiskCheckParameterType
{
    /// <summary>The id of one of the flow's fields; <see cref="RiskCheckParameter.Filter"/> names the field type.</summary>
    Field,
    /// <summary>The id of a step; <see cref="RiskCheckParameter.Filter"/> names the step kind.</summary>
    Step,
    /// <summary>Ids of several steps.</summary>
    Steps,
    /// <summary>Ids of actions of the step the check is attached to.</summary>
    Actions,
    Number,
    /// <summary>A number or the name of one of the definition's constants.</summary>
    NumberOrConstant,
    /// <summary>A condition in the expression language.</summary>
    Expression,
    Text,
}

/// <param name="Name">The key in the binding's <c>params</c>.</param>
/// <param name="Label">Its name in Chinese, for the designer.</param>
/// <param name="Filter">For fields the field type (<c>materials</c>, <c>list</c>, <c>number</c>); for a step its kind.</param>
public sealed record RiskCheckParameter(string Name, string Label, RiskCheckParameterType Type, bool Required, string? Filter = null, string? Hint = null);
