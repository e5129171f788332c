using System.Globalization;
using TagBot.Core.Issues;
using TagBot.Core.Policies;

namespace TagBot.Core.Elections;

/// <summary>
/// The branch of an election's roster pull request, <c>tagbot/election-N</c> for issue N: built
/// here when the pull request is opened and parsed here when its events come back.
/// </summary>
public readonly record struct RosterBranch(int Issue)
{
    public const string Prefix = "tagbot/election-";

    /// <summary>The prefix of every branch TagBot pushes (election and term pull requests).</summary>
    public const string OwnPrefix = "tagbot/";

    public string Name => Prefix + Issue.ToString(CultureInfo.InvariantCulture);

    /// <summary>The election a branch belongs to, or null for any other branch.</summary>
    public static RosterBranch? Parse(string? name)
    {
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = name[Prefix.Length..];
        return digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) && digits[0] != '0'
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var issue)
            ? new RosterBranch(issue)
            : null;
    }

    /// <summary>
    /// The branch whose pull request the decision needs, or null: its state (open, merged, closed)
    /// matters only once the election is closed, so before that nobody asks GitHub for it.
    /// </summary>
    public static RosterBranch? ToRead(IssueSnapshot issue, Policy policy) =>
        issue.HasLabel(policy.Elections.Label) && issue.HasLabel(policy.Labels.ElectionClosed) ? new RosterBranch(issue.Number) : null;

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
