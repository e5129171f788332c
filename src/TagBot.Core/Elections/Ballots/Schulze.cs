namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
/// Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011; Wikipedia
/// "Schulze method"), with strength measured in winning votes, as Wikipedia and Elekto measure it.
/// </summary>
/// <remarks>
/// <para><b>Ballots.</b> A ballot ranks tiers of candidates; candidates in one tier are equal. A candidate the
/// ballot does not rank is below every ranked one and equal to the other unranked ones, so an empty ballot
/// counts for nobody. (Elekto, by contrast, leaves "no opinion" out of every pair.)</para>
/// <para><b>Order.</b> p's "beats" relation (p[x,y] &gt; p[y,x]) is a strict partial order (Schulze, §4.1), but
/// not every pair is comparable. The order is built in layers: the first tier is everyone nobody beats (the
/// Schulze winners), the next everyone nobody left beats, and so on. So whoever beats someone is in a higher
/// tier than they are, and no two candidates of one tier beat each other (p[x,y] = p[y,x]). Two candidates in
/// different tiers may still be tied in p when neither beats the other but a third separates them (Schulze's
/// example 4 has such a pair). Elekto ranks by the number of candidates beaten instead; both orders agree
/// whenever the relation is a weak order, and the layers always put the Schulze winners, and only them, first.</para>
/// </remarks>
public static class Schulze
{
    /// <summary>
    /// Counts <paramref name="ballots"/>, which must all be valid (<see cref="BallotCount.Validate"/>);
    /// <see cref="BallotCount.Count(BallotKind, IReadOnlyList{string}, IReadOnlyList{Ballot})"/> reports invalid ones instead.
    /// </summary>
    public static SchulzeMatrices Count(IReadOnlyList<string> candidates, IReadOnlyList<Ballot> ballots)
    {
        var index = new CandidateIndex(candidates);
        var ranks = ballots.Select((b, i) => index.Ranks(BallotKind.Ranked, b, out var problem)
            ?? throw new ArgumentException($"Ballot {i + 1} is invalid: {problem}.", nameof(ballots))).ToList();
        return Count(index, ranks);
    }

    internal static SchulzeMatrices Count(CandidateIndex index, IReadOnlyList<int[]> ranks)
    {
        var d = Pairwise(index.Count, ranks);
        return new SchulzeMatrices(index.Logins, d, StrongestPaths(d));
    }

    /// <summary>d[i][j]: the ballots ranking i above j, from ranks per candidate (1 = first, 0 = unranked).</summary>
    internal static IReadOnlyList<IReadOnlyList<int>> Pairwise(int n, IEnumerable<int[]> ranks)
    {
        var d = Square(n);
        foreach (var ballot in ranks)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j && Above(ballot[i], ballot[j]))
                    {
                        d[i][j]++;
                    }
                }
            }
        }

        return d;
    }

    private static bool Above(int a, int b) => a != 0 && (b == 0 || a < b);

    /// <summary>
    /// The strongest paths p from the pairwise matrix d (a widest-path Floyd–Warshall): a link i→j has strength
    /// d[i][j] when d[i][j] &gt; d[j][i], and none otherwise; a path is as strong as its weakest link.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> StrongestPaths(IReadOnlyList<IReadOnlyList<int>> d)
    {
        var n = d.Count;
        var p = Square(n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && d[i][j] > d[j][i])
                {
                    p[i][j] = d[i][j];
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                if (i == k)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    if (j != i && j != k)
                    {
                        p[i][j] = Math.Max(p[i][j], Math.Min(p[i][k], p[k][j]));
                    }
                }
            }
        }

        return p;
    }

    /// <summary>The candidates' indexes in tiers, best first (see the remarks); each tier in index order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Tiers(IReadOnlyList<IReadOnlyList<int>> p)
    {
        var left = Enumerable.Range(0, p.Count).ToList();
        var tiers = new List<IReadOnlyList<int>>();
        while (left.Count > 0)
        {
            var unbeaten = left.Where(x => !left.Any(y => p[y][x] > p[x][y])).ToList();
            if (unbeaten.Count == 0)
            {
                // Cannot happen when p comes from StrongestPaths (its relation is acyclic); a hand-made p may cycle.
                throw new ArgumentException("The strongest paths beat each other in a cycle; p is not a Schulze matrix.", nameof(p));
            }

            tiers.Add(unbeaten);
            left.RemoveAll(unbeaten.Contains);
        }

        return tiers;
    }

    /// <summary>The full order of the candidates as tiers of logins, best first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Order(SchulzeMatrices matrices) =>
        [.. Tiers(matrices.P).Select(t => (IReadOnlyList<string>)[.. t.Select(i => matrices.Candidates[i])])];

    private static int[][] Square(int n) => [.. Enumerable.Range(0, n).Select(_ => new int[n])];
}
