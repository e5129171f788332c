using TagBot.Core.Elections.Record;

namespace TagBot.Core.Elections;

/// <summary>What an election's tally reads besides the policy, the roster and the issue's comments.</summary>
/// <param name="IssueBody">The issue's body, where a line <c>role: X</c> names the role elected.</param>
/// <param name="SeenBefore">Whether TagBot's status comment is already on the issue (a missing triage label then means triaged).</param>
/// <param name="PullRequest">The election's roster pull request, as the host finds it.</param>
public sealed record ElectionContext(string? IssueBody, bool SeenBefore, RosterPullRequestState PullRequest = RosterPullRequestState.None)
{
    /// <summary>The election's frozen record; null before the freeze or for an election that closed before records existed.</summary>
    public ElectionRecord? Record { get; init; }

    /// <summary>People matched by user ID against <see cref="Record"/>.</summary>
    public Identities Identities { get; init; } = Identities.None;

    /// <summary>With <c>elections.ballot: secret</c>: what the ballot box says (who voted; the sealed ballots once closed).</summary>
    public Voting.SecretBallots Ballots { get; init; } = Voting.SecretBallots.None;
}
