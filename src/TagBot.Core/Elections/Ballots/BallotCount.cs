namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// Counts secret ballots: approval by approvals, ranked by Schulze. The entry point of the election close.
/// </summary>
/// <remarks>
/// A ballot is invalid when it names a login that is not a candidate, names a candidate twice (in any case),
/// has an empty rank, or (approval) has more than one group. The ballot page refuses such a ballot with
/// <see cref="Validate"/> before storing it, so none should reach the count; if one does (the candidates given
/// here differ from those the ballot was cast for), the count leaves it out and lists it in
/// <see cref="BallotResult.Invalid"/> with the reason, never silently. Count with the candidates the ballots
/// were cast for: a candidate who withdrew stays in the count and is made unelectable in the seat allocation.
/// </remarks>
public static class BallotCount
{
    /// <summary>Why <paramref name="ballot"/> cannot be counted for <paramref name="candidates"/>, or null when it can.</summary>
    public static string? Validate(BallotKind kind, IReadOnlyList<string> candidates, Ballot ballot)
    {
        new CandidateIndex(candidates).Ranks(kind, ballot, out var problem);
        return problem;
    }

    public static BallotResult Count(BallotKind kind, IReadOnlyList<string> candidates, IReadOnlyList<Ballot> ballots) =>
        Count(kind, candidates, ballots, null);

    /// <summary>As <see cref="Count(BallotKind, IReadOnlyList{string}, IReadOnlyList{Ballot})"/>; invalid ballots are reported with their receipts.</summary>
    public static BallotResult CountCast(BallotKind kind, IReadOnlyList<string> candidates, IReadOnlyList<CastBallot> ballots) =>
        Count(kind, candidates, [.. ballots.Select(b => b.Ballot)], [.. ballots.Select(b => b.Receipt)]);

    private static BallotResult Count(BallotKind kind, IReadOnlyList<string> candidates, IReadOnlyList<Ballot> ballots, IReadOnlyList<string>? receipts)
    {
        var index = new CandidateIndex(candidates);
        var valid = new List<int[]>();
        var invalid = new List<InvalidBallot>();
        for (var i = 0; i < ballots.Count; i++)
        {
            if (index.Ranks(kind, ballots[i], out var problem) is { } ranks)
            {
                valid.Add(ranks);
            }
            else
            {
                invalid.Add(new InvalidBallot(i + 1, receipts?[i], problem!));
            }
        }

        if (kind == BallotKind.Approval)
        {
            var approvals = ApprovalCount.Count(index, valid);
            return new BallotResult(kind, index.Logins, ApprovalCount.Order(approvals), approvals, valid.Count, invalid, null);
        }

        var matrices = Schulze.Count(index, valid);
        var order = Schulze.Order(matrices);
        return new BallotResult(kind, index.Logins, order, ScoresBelow(order), valid.Count, invalid, matrices);
    }

    /// <summary>Each candidate's score: how many candidates are in lower tiers.</summary>
    internal static IReadOnlyDictionary<string, int> ScoresBelow(IReadOnlyList<IReadOnlyList<string>> order)
    {
        var scores = new Dictionary<string, int>(Rosters.Login.Comparer);
        var below = order.Sum(t => t.Count);
        foreach (var tier in order)
        {
            below -= tier.Count;
            foreach (var login in tier)
            {
                scores[login] = below;
            }
        }

        return scores;
    }
}
