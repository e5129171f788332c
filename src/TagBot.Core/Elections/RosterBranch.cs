using System.Globalization;
using TagBot.Core.Issues;
using TagBot.Core.Policies;

namespace TagBot.Core.Elections;

/// <summary>
/// The branch of an election's roster pull request, <c>tagbot/election-N</c> for issue N (and
/// <c>tagbot/election-N-rK</c> for the result of round K, after K - 1 reopenings): built here when
/// the pull request is opened and parsed here when its events come back.
/// </summary>
public readonly record struct RosterBranch(int Issue, int Round = 1)
{
    public const string Prefix = "tagbot/election-";

    /// <summary>The prefix of every branch TagBot pushes (election and term pull requests).</summary>
    public const string OwnPrefix = "tagbot/";

    private const string RoundInfix = "-r";

    public string Name => Prefix + Issue.ToString(CultureInfo.InvariantCulture)
        + (Round == 1 ? "" : RoundInfix + Round.ToString(CultureInfo.InvariantCulture));

    /// <summary>The election a branch belongs to, or null for any other branch.</summary>
    public static RosterBranch? Parse(string? name)
    {
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name[Prefix.Length..];
        var infix = rest.IndexOf(RoundInfix, StringComparison.Ordinal);
        var round = 1;
        if (infix >= 0 && (!TryNumber(rest[(infix + RoundInfix.Length)..], out round) || round < 2))
        {
            return null;
        }

        return TryNumber(infix >= 0 ? rest[..infix] : rest, out var issue) ? new RosterBranch(issue, round) : null;
    }

    private static bool TryNumber(string digits, out int number)
    {
        number = 0;
        return digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// The branch whose pull request the decision needs, or null: its state (open, merged, closed)
    /// matters only once the election is closed, so before that nobody asks GitHub for it. The
    /// round is one more than the reopenings TagBot has acknowledged on the issue.
    /// </summary>
    public static RosterBranch? ToRead(IssueSnapshot issue, Policy policy) =>
        issue.HasLabel(policy.Elections.Label) && issue.HasLabel(policy.Labels.ElectionClosed)
            ? new RosterBranch(issue.Number, 1 + issue.Comments.Count(c => c.ByTagBot && Status.Markers.IsElectionReopened(c.Body)))
            : null;

    /// <summary>What a found pull request (or none) means for the election.</summary>
    public static RosterPullRequestState StateOf(PullRequestSnapshot? pullRequest) => pullRequest switch
    {
        null => RosterPullRequestState.None,
        { Merged: true } => RosterPullRequestState.Merged,
        { IsOpen: false } => RosterPullRequestState.ClosedUnmerged,
        _ => RosterPullRequestState.Open,
    };

    public override string ToString() => Name;
}
