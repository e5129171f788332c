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
    /// <summary>
    /// The electorate file (<c>elections.electorate</c>) as read with <see cref="Roster"/> (frozen with an election),
    /// or null when the policy names none or it could not be read: the election's voters are then nobody.
    /// </summary>
    public ElectorateFile? Electorate { get; init; }

    /// <summary>The members of the GitHub teams the policy names (<c>team:ORG/SLUG</c>): frozen with an election, else read now; null: none read.</summary>
    public Teams.TeamMembers? Teams { get; init; }

    /// <summary>The teams' members as read at this pass, to tell a frozen election how they changed since; null: not read.</summary>
    public Teams.TeamMembers? CurrentTeams { get; init; }

    /// <summary>The roster file's text on the default branch: what a roster pull request edits.</summary>
    public string? RosterText { get; init; }

    /// <summary>The election's roster pull request as found on GitHub (elections only).</summary>
    public Elections.RosterPullRequestState PullRequest { get; init; }

    /// <summary>The round whose roster pull request <see cref="PullRequest"/> is (its branch); see <see cref="Elections.RosterBranch.ToRead"/>.</summary>
    public int PullRequestRound { get; init; } = 1;

    /// <summary>
    /// The election's frozen record (elections only): the one posted on the issue, or the one the
    /// host just froze, which the decision posts. <see cref="Policy"/> and <see cref="Roster"/> are
    /// then the frozen versions; <see cref="RosterText"/> stays the current file.
    /// </summary>
    public Elections.Record.ElectionRecord? Record { get; init; }

    /// <summary>With <c>elections.ballot: secret</c>: who has voted, and once closed the sealed ballots (elections only).</summary>
    public Elections.Voting.SecretBallots Ballots { get; init; } = Elections.Voting.SecretBallots.None;

    /// <summary>The policy, roster, members and electorate files as they are now on the default branch (path, blob SHA), to tell a frozen election what changed.</summary>
    public IReadOnlyList<Elections.Record.FrozenFile> CurrentFiles { get; init; } = [];
}
