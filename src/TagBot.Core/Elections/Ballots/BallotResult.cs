using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// What a count of secret ballots found. Compared by value (a recount equals the count it repeats).
/// </summary>
/// <param name="Kind">How the ballots were marked.</param>
/// <param name="Candidates">Every candidate, sorted by login (ordinal, case-insensitive), spelled as given to the count.</param>
/// <param name="Order">All candidates in tiers, best first; candidates in one tier are tied, sorted by login.</param>
/// <param name="Scores">
/// Per candidate (case-insensitive keys), the ranking key for <see cref="SeatCandidate.Supports"/>: higher is better,
/// and two candidates have equal scores exactly when they share a tier. Approval: the number of approvals.
/// Ranked: the number of candidates in lower tiers of the Schulze order.
/// </param>
/// <param name="Counted">The valid ballots counted (an empty ballot is valid and counted: it abstains).</param>
/// <param name="Invalid">The ballots not counted, and why, in the order given.</param>
/// <param name="Schulze">The pairwise and strongest-path matrices, for ranked ballots; null for approval.</param>
public sealed record BallotResult(
    BallotKind Kind,
    IReadOnlyList<string> Candidates,
    IReadOnlyList<IReadOnlyList<string>> Order,
    IReadOnlyDictionary<string, int> Scores,
    int Counted,
    IReadOnlyList<InvalidBallot> Invalid,
    SchulzeMatrices? Schulze)
{
    /// <summary>The first tier: the winners before any tie-break (empty without candidates).</summary>
    public IReadOnlyList<string> Winners => Order.Count == 0 ? [] : Order[0];

    /// <summary>The score of <paramref name="login"/> (any case).</summary>
    public int Score(string login) => Scores.TryGetValue(login, out var score)
        ? score
        : throw new ArgumentException($"@{login} is not a candidate.", nameof(login));

    public bool Equals(BallotResult? other) =>
        other is not null
        && Kind == other.Kind
        && Counted == other.Counted
        && Candidates.SequenceEqual(other.Candidates, Login.Comparer)
        && Structural.Equal(Order, other.Order, Login.Comparer)
        && Scores.Count == other.Scores.Count
        && Scores.All(s => other.Scores.TryGetValue(s.Key, out var v) && v == s.Value)
        && Invalid.SequenceEqual(other.Invalid)
        && Equals(Schulze, other.Schulze);

    public override int GetHashCode() => HashCode.Combine(Kind, Counted, Structural.Hash(Candidates, Login.Comparer), Invalid.Count, Schulze);
}
