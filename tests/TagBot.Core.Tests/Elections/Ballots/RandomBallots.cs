using TagBot.Core.Elections.Ballots;

namespace TagBot.Core.Tests.Elections.Ballots;

/// <summary>Random elections from one seed, so a failing property names the seed that reproduces it.</summary>
internal static class RandomBallots
{
    private static readonly string[] Names = ["alice", "Bob", "carol", "dave-1", "Erin", "frank", "grace"];

    public sealed record Election(IReadOnlyList<string> Candidates, IReadOnlyList<Ballot> Ballots, Random Random);

    /// <param name="complete">Every ballot ranks every candidate (no unranked tail).</param>
    /// <param name="approval">Ballots of at most one tier.</param>
    public static Election Build(int seed, bool complete = false, bool approval = false, int maxBallots = 15)
    {
        var random = new Random(seed);
        var candidates = Names.Take(random.Next(1, Names.Length + 1)).ToList();
        var ballots = Enumerable.Range(0, random.Next(0, maxBallots + 1))
            .Select(_ => OneBallot(random, candidates, complete, approval)).ToList();
        return new Election(candidates, ballots, random);
    }

    public static Ballot OneBallot(Random random, IReadOnlyList<string> candidates, bool complete = false, bool approval = false)
    {
        var named = candidates.Where(_ => complete || random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();
        if (approval)
        {
            return Ballot.Approving(named);
        }

        var tiers = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var name in named)
        {
            // Some ballots write a login in another case than the candidate list; the count must not care.
            current.Add(random.Next(5) == 0 ? name.ToUpperInvariant() : name);
            if (random.Next(3) > 0)
            {
                tiers.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            tiers.Add(current);
        }

        return new Ballot(tiers);
    }

    public static IReadOnlyList<T> Shuffle<T>(this IEnumerable<T> items, Random random) => [.. items.OrderBy(_ => random.Next())];
}
