using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// How a vote round stands and what the viewer may do in it. <paramref name="ChairMaySpeak"/> is whether the chair's
/// ballot would be accepted now (末位表态); the rules are given as the Chinese sentences the engine uses.
/// </summary>
public sealed record VoteOutlook(
    int Round, Ballot Ballot, bool ChairSpeaksLast, Threshold Quorum, PassBase PassBase, Threshold PassThreshold,
    string QuorumRule, string PassRule, IReadOnlyList<VoteMemberOutlook> Members, int Eligible, int Present, int Cast, bool QuorumMet,
    bool ChairMaySpeak, IReadOnlyList<string> WaitingFor, bool ViewerIsMember, Permission Attend, Permission Recuse,
    Permission WrittenOpinion, Permission CastBallot, Permission Close, VoteCandidatesOutlook? Candidates = null);
