using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Elections.Voting;

/// <summary>Where a secret ballot stands, for the ballot page.</summary>
public enum BallotPhase
{
    /// <summary>Nominations run; the page shows no ballot yet.</summary>
    Nominating,

    /// <summary>The page takes ballots.</summary>
    Voting,

    /// <summary>Closed: the page refuses and links the result.</summary>
    Closed,
}

/// <summary>A candidate as the ballot page shows them.</summary>
/// <param name="Statement">Their own words from the nominating or accepting comment; null when none.</param>
public sealed record BallotCandidateView(string Login, string? Region, string? Company, string? Statement);

/// <summary>
/// What the ballot page of one secret-ballot election shows and enforces, computed by every reconcile from the issue
/// alone and stored by the host, so the page never reads GitHub to render.
/// </summary>
/// <param name="Electorate">The frozen electorate's GitHub user IDs: only they may vote.</param>
/// <param name="WhoToAsk">Whom someone outside the electorate should ask, e.g. "the chairs: @a, @b".</param>
public sealed record BallotPageView(
    string Title,
    string IssueUrl,
    BallotPhase Phase,
    BallotKind Kind,
    bool AllowNoOpinion,
    IReadOnlyList<BallotCandidateView> Candidates,
    DateTimeOffset? VotingCloses,
    IReadOnlyList<long> Electorate,
    string WhoToAsk)
{
    /// <summary>Once closed: TagBot's latest result comment (the page links it); null before it is posted.</summary>
    public string? ResultUrl { get; init; }
}
