using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Definitions.Validation;

namespace WorkflowEngine.Engine.Definitions.Loading;

/// <summary>
/// The last step of loading: each risk-check binding gets its parameters read by its check (the validator has already
/// reported unknown checks and only reads the model).
/// </summary>
internal static class CheckBinder
{
    public static void Bind(FlowDefinition definition, ICheckCatalog checks, ErrorSink errors)
    {
        foreach (var step in definition.Steps)
            foreach (var binding in step.Checks.Where(b => checks.Contains(b.CheckName)))
                binding.ParsedParameters = checks.ParseParameters(binding.CheckName, new RiskCheckSetup(definition, step, binding, errors));
    }
}
