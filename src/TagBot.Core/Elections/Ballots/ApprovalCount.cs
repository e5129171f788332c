using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>Approval voting: each candidate's score is the number of ballots approving them.</summary>
public static class ApprovalCount
{
    /// <summary>
    /// Approvals per candidate (every candidate present, 0 when nobody approved them). The ballots must all be
    /// valid approval ballots (<see cref="BallotCount.Validate"/>); <see cref="BallotCount"/> reports invalid ones instead.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Count(IReadOnlyList<string> candidates, IReadOnlyList<Ballot> ballots)
    {
        var index = new CandidateIndex(candidates);
        var ranks = ballots.Select((b, i) => index.Ranks(BallotKind.Approval, b, out var problem)
            ?? throw new ArgumentException($"Ballot {i + 1} is invalid: {problem}.", nameof(ballots))).ToList();
        return Count(index, ranks);
    }

    internal static IReadOnlyDictionary<string, int> Count(CandidateIndex index, IReadOnlyList<int[]> ranks)
    {
        var approvals = new Dictionary<string, int>(Login.Comparer);
        for (var i = 0; i < index.Count; i++)
        {
            approvals[index.Logins[i]] = ranks.Count(r => r[i] != 0);
        }

        return approvals;
    }

    /// <summary>The candidates in tiers by approvals, most first; equal approvals share a tier, sorted by login.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Order(IReadOnlyDictionary<string, int> approvals) =>
        [.. approvals.GroupBy(a => a.Value).OrderByDescending(g => g.Key)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(a => a.Key).Order(Login.Comparer)])];
}
