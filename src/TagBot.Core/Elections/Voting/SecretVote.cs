using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Elections.Voting;

/// <summary>The secret ballot of an election (<c>elections.ballot: secret</c>), as the tally shows it.</summary>
/// <param name="Opening">When voting opened; null while nominations run.</param>
/// <param name="Candidates">The nominees on the ballot: those electable when voting opened (empty before), in nomination order.</param>
/// <param name="Voters">Who has voted so far (logins, sorted), never how.</param>
/// <param name="PageUrl">The ballot page; null when this TagBot has none configured.</param>
/// <param name="Count">Once closed and the ballots are given: the count.</param>
/// <param name="Ballots">Once closed: the sealed ballots the count is over, for publication.</param>
public sealed record SecretVote(
    BallotKind Kind,
    bool AllowNoOpinion,
    VotingOpening? Opening,
    IReadOnlyList<NomineeRow> Candidates,
    IReadOnlyList<string> Voters,
    string? PageUrl,
    BallotResult? Count,
    IReadOnlyList<CastBallot> Ballots)
{
    public bool VotingOpen => Opening is not null;

    /// <summary>Closed, but the host has not handed over the sealed ballots yet: it must seal the box and decide again.</summary>
    public bool AwaitingBallots { get; init; }
}
