using TagBot.Core.Issues;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Governance;

/// <summary>
/// Everything a decision reads. <see cref="Warnings"/> carries problems the host met loading the
/// policy or roster (shown at the top of the status comment, never hidden).
/// </summary>
public sealed record DecisionInput(Policy Policy, Roster Roster, IssueSnapshot Issue, DateTimeOffset Now, IReadOnlyList<string> Warnings)
{
    /// <summary>The roster file's text on the default branch: what a roster pull request edits.</summary>
    public string? RosterText { get; init; }

    /// <summary>The election's roster pull request as found on GitHub (elections only).</summary>
    public Elections.RosterPullRequestState PullRequest { get; init; }
}
