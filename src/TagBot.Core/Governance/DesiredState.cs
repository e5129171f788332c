namespace TagBot.Core.Governance;

/// <summary>
/// What the issue should look like. The host compares it with GitHub and applies only the
/// difference, so computing it twice, or from a stale event, changes nothing.
/// </summary>
public sealed record DesiredState(
    IReadOnlySet<string> Labels,
    IReadOnlySet<string> ManagedLabels,
    string? StatusComment,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<Reply> Replies,
    Closure? Close)
{
    /// <summary>Comments to post once if absent (never edited).</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>The roster pull request to open, when an election's result is final and none exists yet.</summary>
    public RosterPullRequestDraft? RosterPullRequestDraft { get; init; }

    /// <summary>The roster pull request of an undone result, to close with a comment (once).</summary>
    public RosterPullRequestClosure? RosterPullRequestClosure { get; init; }

    /// <summary>
    /// A secret-ballot election closed but decided without its sealed ballots: the host seals the ballot box and
    /// decides again with them. Nothing else in this state is to be carried out.
    /// </summary>
    public bool SealBallots { get; init; }

    /// <summary>With a secret ballot: what the ballot page shows and enforces, for the host to store.</summary>
    public Elections.Voting.BallotPageView? BallotPage { get; init; }

    public static readonly DesiredState Nothing = new(
        new HashSet<string>(), new HashSet<string>(), null, [], [], null);
}
