namespace WorkflowEngine.Engine.Outlook;

/// <summary>
/// The candidates of a vote on named persons, as they stand this round (written-in names included; counts are shown only
/// after the vote closes, in the case data). <paramref name="MaxChoices"/> is how many one ballot may support.
/// </summary>
public sealed record VoteCandidatesOutlook(IReadOnlyList<string> Names, bool WriteIns, int? MaxChoices);
