using System.Collections.Immutable;
using WorkflowEngine.Engine.Cases;
using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Definitions.Model;
using WorkflowEngine.Engine.Expressions;
using WorkflowEngine.Engine.Outlook;
using WorkflowEngine.Engine.Runtime;
using WorkflowEngine.Tests.Support;

namespace WorkflowEngine.Tests.Runtime;

/// <summary>
/// The outlook and the runtime agree: on random walks of every shipped flow, for every post of the flow, every vote member
/// and an outsider, each command the outlook allows is accepted by <see cref="WorkflowRuntime.Execute"/> (or refused only
/// for the input given or a risk check it predicted), and each one it refuses is refused with the same code.
/// </summary>
public class OutlookAgreementTests
{
    private const int Walks = 6;
    private const int Moves = 40;

    private static IEnumerable<TestCaseData> Files() =>
        Repo.FlowFiles.Select(f => new TestCaseData(f).SetName($"Outlook agrees with Execute on {Path.GetFileName(f)}"));

    /// <summary>Refusals that depend on what the official enters, which the outlook cannot know in advance.</summary>
    private static readonly RefusalCode[] InputCodes = [RefusalCode.MissingField, RefusalCode.InvalidData, RefusalCode.OpinionRequired];

    [TestCaseSource(nameof(Files))]
    public void Every_allowed_command_is_accepted_and_every_refused_one_is_refused_alike(string file)
    {
        var definition = DefinitionLoader.LoadFile(file, Repo.Options).Definition!;
        var roster = FlowWalker.BuildRoster(definition);
        var variants = FlowWalker.DataVariants(definition);
        var random = new Random(20261203);
        var checkedCommands = 0;

        for (var walk = 0; walk < Walks; walk++)
        {
            var driver = new CaseDriver(definition, CaseDriver.At("2026-03-02T09:00+08:00"), roster: roster);
            var actors = Actors(definition, roster, 0);
            var starter = actors.FirstOrDefault(a => driver.Try(new StartCase("walk", variants[walk % variants.Count]), a) is Applied);
            if (starter is null) Assert.Fail("无法启动案件");

            for (var move = 0; move < Moves && !driver.State.IsClosed; move++)
            {
                var accepted = new List<(Command Command, Actor Actor)>();
                actors = Actors(definition, roster, move);
                foreach (var actor in actors)
                {
                    var outlook = driver.Runtime.Describe(definition, driver.State, actor, driver.Now);
                    foreach (var (command, permission, blocks) in Commands(outlook))
                    {
                        var result = driver.Runtime.Execute(definition, driver.State, command, actor, driver.Now);
                        checkedCommands++;
                        Agree(command, actor, permission, blocks, result);
                        if (result is Applied) accepted.Add((command, actor));
                    }
                }
                if (accepted.Count == 0 || random.Next(6) == 0)
                {
                    // With the walk's data a blocking check may hold a case; the walk ends there, its agreement checked.
                    var next = driver.Timers.OrderBy(t => t.FireAt).FirstOrDefault();
                    if (next is null && accepted.Count == 0) break;
                    if (next is not null)
                    {
                        driver.AdvanceTo(next.FireAt);
                        continue;
                    }
                }
                var (chosen, by) = accepted[random.Next(accepted.Count)];
                driver.Must(chosen, by);
                driver.AdvanceTo(driver.Now.AddHours(3));
            }
        }
        checkedCommands.Should().BeGreaterThan(0);
    }

    private static void Agree(Command command, Actor actor, Permission permission, IReadOnlyList<Permission> blocks, CommandResult result)
    {
        var what = $"{command} by {actor.Id}";
        if (!permission.Allowed)
        {
            result.Should().BeOfType<Refused>($"the outlook refuses {what}: {permission.Reason}");
            ((Refused)result).Code.Should().Be(permission.Code, what);
            return;
        }
        if (blocks.Count > 0)
        {
            result.Should().BeOfType<Refused>($"the outlook predicts a risk block for {what}");
            ((Refused)result).Code.Should().Be(RefusalCode.RuleBlocked, what);
            ((Refused)result).Message.Should().Be(blocks[0].Reason, what);
            return;
        }
        if (result is Refused refused)
            refused.Code.Should().BeOneOf(InputCodes, $"the outlook allows {what}, refused: {refused.Message}");
    }

    /// <summary>Every command the outlook speaks of, with input an official would give (an opinion where one is asked).</summary>
    private static IEnumerable<(Command, Permission, IReadOnlyList<Permission>)> Commands(CaseOutlook outlook)
    {
        var none = (IReadOnlyList<Permission>)[];
        var version = outlook.Version;
        yield return (new Withdraw("申请人书面要求撤回") { ExpectedVersion = version }, outlook.Withdraw, none);
        foreach (var task in outlook.Tasks)
        {
            foreach (var action in task.Actions)
            {
                var opinion = action.Opinion == OpinionRule.None ? null : "经审查，同意。";
                yield return (new TakeAction(task.TaskId, action.Id, ImmutableDictionary<string, Value>.Empty, opinion) { ExpectedVersion = version },
                    action.Permission, action.Blocks);
            }
            if (task.Vote is not { } vote) continue;
            yield return (new AttendVote(task.TaskId), vote.Attend, none);
            foreach (var member in vote.Members) yield return (new AttendVote(task.TaskId, member.Id), member.Attend, none);
            yield return (new RecuseFromVote(task.TaskId, null, "近亲属涉及本议题"), vote.Recuse, none);
            yield return (new SubmitWrittenOpinion(task.TaskId, "同意该议题。"), vote.WrittenOpinion, none);
            yield return (new CastVote(task.TaskId, VoteChoice.For), vote.CastBallot, none);
            yield return (new CloseVote(task.TaskId), vote.Close, none);
        }
    }

    /// <summary>
    /// One holder of each post of the flow (a different person at each move, as separation of duties expects), each vote
    /// member (the chair with the chair's post), and an outsider.
    /// </summary>
    private static List<Actor> Actors(FlowDefinition definition, IRoster roster, int move)
    {
        var actors = definition.Roles.Select(r => new Actor($"holder-{r.Id}-{move}", r.Name, new HashSet<string> { r.Id })).ToList();
        foreach (var vote in definition.Steps.OfType<VoteStep>())
            foreach (var member in roster.Holders(vote.MembersRole))
            {
                var roles = new HashSet<string> { vote.MembersRole };
                if (vote.ChairRole is { } chair && roster.Holders(chair).Any(h => h.Id == member.Id)) roles.Add(chair);
                if (actors.All(a => a.Id != member.Id)) actors.Add(new Actor(member.Id, member.Name, roles));
            }
        actors.Add(new Actor("outsider", "无关人员", new HashSet<string>()));
        return actors;
    }
}
