using System.Runtime.CompilerServices;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Tests.Definitions;

/// <summary>
/// The definition model is set while it is read and never after: the validator only reads it. The only properties written
/// after construction are the source locations (given by the reader) and a check's parsed parameters (given by the binder).
/// </summary>
public class ModelImmutabilityTests
{
    private static readonly string[] WrittenWhileLoading = ["Location", "PropertyLocations", "ParsedParameters"];

    [Test]
    public void Every_model_property_is_init_only()
    {
        var settable = typeof(FlowDefinition).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(FlowDefinition).Namespace && t.IsClass)
            .SelectMany(t => t.GetProperties().Where(p => p.DeclaringType == t).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod is { } set && !WrittenWhileLoading.Contains(x.Property.Name)
                && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}");
        settable.Should().BeEmpty();
    }
}
