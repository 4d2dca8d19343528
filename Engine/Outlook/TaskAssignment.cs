using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>Who a step's task goes to, in words: its approver rule (e.g. 发起人所在科室负责人), or its post's name.</summary>
public static class TaskAssignment
{
    public static string Of(FlowDefinition definition, StepDefinition step) =>
        step is TaskStep task ? task.Assignee.ToChinese(definition) : definition.RoleName(step.WorkListRole);
}
