using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Validation;
using WorkflowEngine.Engine.Risk.Checks;

namespace WorkflowEngine.Engine.Risk;

/// <summary>The checks definitions may name: the built-in ones plus any registered by the host.</summary>
public sealed class RiskCheckRegistry : ICheckCatalog
{
    private readonly Dictionary<string, IRiskCheck> _checks = new(StringComparer.Ordinal);

    public static RiskCheckRegistry CreateDefault()
    {
        var registry = new RiskCheckRegistry();
        registry.Register(new MaterialsCompleteCheck());
        registry.Register(new CorrectionListsAllMissingCheck());
        registry.Register(new SingleCorrectionNoticeCheck());
        registry.Register(new MinimumParticipantsCheck());
        registry.Register(new SeparationOfDutiesCheck());
        registry.Register(new CollectiveDecisionCheck());
        registry.Register(new NoticePeriodCompleteCheck());
        registry.Register(new WithinTimeLimitCheck());
        registry.Register(new ConditionCheck());
        return registry;
    }

    public void Register(IRiskCheck check)
    {
        if (!_checks.TryAdd(check.Name, check))
            throw new InvalidOperationException($"A risk check named '{check.Name}' is already registered.");
    }

    public IRiskCheck? Find(string name) => _checks.GetValueOrDefault(name);

    public IReadOnlyCollection<IRiskCheck> All => _checks.Values;

    public IReadOnlyCollection<string> Names => _checks.Keys;

    public bool Contains(string name) => _checks.ContainsKey(name);

    public object? ParseParameters(string name, RiskCheckSetup setup) => _checks[name].ParseParameters(setup);

    /// <summary>Loading options that validate against these checks.</summary>
    public DefinitionLoadOptions LoadOptions() => new(this);
}
