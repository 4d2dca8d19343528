using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// Who may see a case: those who have acted on it, those who hold a post that can act on one of its open steps
/// (or were handed one: its assignee, its added signers), those who
/// oversee one of its participants (their department's head and 分管领导, as the organisation says), and those whose
/// office is to see every case (supervisors, administrators — the host decides who they are).
/// </summary>
public static class CaseVisibility
{
    public static bool CanSee(FlowDefinition definition, CaseState state, Actor viewer, bool seesEverything, Func<string, bool>? oversees = null)
    {
        if (seesEverything) return true;
        var participants = Participants(state).ToList();
        if (participants.Contains(viewer.Id)) return true;
        if (state.Active.Any(a => PostsActingOn(definition.Step(a.StepId)).Any(viewer.Holds))) return true;
        if (state.Active.Any(a => a.AssignedTo == viewer.Id || a.PendingSigners.Any(s => s.UserId == viewer.Id))) return true;
        return oversees is not null && participants.Any(oversees);
    }

    /// <summary>The people who have acted on the case (for a case stored before they were kept: its starter and the trail's).</summary>
    public static IEnumerable<string> Participants(CaseState state) => state.Participants.Count > 0
        ? state.Participants
        : state.Trail.Where(t => !t.BySystem).Select(t => t.ActorId).Append(state.StartedBy).Distinct();

    private static IEnumerable<string> PostsActingOn(StepDefinition step)
    {
        yield return step.WorkListRole;
        if (step is VoteStep { ChairRole: { } chair }) yield return chair;
        if (step is VoteStep { RecorderRole: { } recorder }) yield return recorder;
        if (step is ActingStep acting)
            foreach (var role in acting.Actions.Select(a => a.Role).OfType<string>()) yield return role;
    }
}
