using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Tests.Expressions;

public class ValueTests
{
    [Test]
    public void Boolean_constants_are_usable()
    {
        Value.True.AsBoolean.Should().BeTrue();
        Value.False.AsBoolean.Should().BeFalse();
        Value.Bool(true).Should().Be(Value.True);
        Value.True.Should().NotBe(Value.False);
        Value.True.ToString().Should().Be("true");
    }
}
