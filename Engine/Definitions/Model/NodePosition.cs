namespace WorkflowEngine.Engine.Definitions.Model;

/// <summary>
/// Where the designer draws a step (the definition's <c>layout</c>: step id → x, y). Presentation only: it never
/// changes what a flow means, so validation, version comparison and the content hash ignore it.
/// </summary>
public readonly record struct NodePosition(double X, double Y);
