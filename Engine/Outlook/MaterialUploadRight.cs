using WorkflowEngine.Engine.Cases;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// Who may attach files to a case's materials: the holders of the post of one of its open tasks. The outlook shows it
/// and the upload route applies it.
/// </summary>
public static class MaterialUploadRight
{
    public static Permission Of(IEnumerable<TaskOutlook> openTasks, Actor viewer) =>
        openTasks.Any(t => viewer.Holds(t.Role))
            ? Permission.Granted
            : Permission.Refusal(RefusalCode.WrongRole, "只有正在办理本案的岗位人员可以上传材料。");
}
