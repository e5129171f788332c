namespace TagBot.Core.Policies;

/// <summary>The <c>labels:</c> section: names of the labels TagBot manages (created if missing).</summary>
public sealed record LabelNames(
    string Triage = "triage-required",
    string Discussion = "status/discussion",
    string Blocked = "status/blocked",
    string Consensus = "status/consensus",
    string Accepted = "status/accepted",
    string Rejected = "status/rejected",
    string ElectionOpen = "election/open",
    string ElectionTie = "election/tie",
    string ElectionClosed = "election/closed",
    string RosterPr = "roster/pr-open",
    string RosterUpdated = "roster/updated")
{
    public static LabelNames Default { get; } = new();

    /// <summary>Every managed label, in the order of the documentation.</summary>
    public IReadOnlyList<string> All =>
    [
        Triage, Discussion, Blocked, Consensus, Accepted, Rejected,
        ElectionOpen, ElectionTie, ElectionClosed, RosterPr, RosterUpdated,
    ];
}
