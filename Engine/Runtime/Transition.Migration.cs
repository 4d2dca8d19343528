using System.Collections.Immutable;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Engine.Runtime;

/// <summary>The history entry of a case moved to another version of its flow (see <see cref="VersionMigration"/>).</summary>
internal sealed partial class Transition
{
    public void RecordMigration(FlowDefinition from, FlowDefinition to, IReadOnlyDictionary<string, string> mapping)
    {
        var pairs = mapping.Select(m => $"“{from.Step(m.Key).Name}”→“{to.Step(m.Value).Name}”").ToList();
        var data = ImmutableDictionary<string, Value>.Empty
            .Add("fromVersion", Value.Number(from.Version))
            .Add("toVersion", Value.Number(to.Version))
            .Add("mapping", Value.Object(mapping.ToImmutableDictionary(m => m.Key, m => Value.String(m.Value))));
        Record(EventTypes.Migrated, $"由第 {from.Version} 版迁移至第 {to.Version} 版" + (pairs.Count > 0 ? $"（环节对应：{string.Join("，", pairs)}）" : ""),
            data: data);
    }
}
