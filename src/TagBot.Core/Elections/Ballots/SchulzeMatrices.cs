using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// The two matrices of a Schulze count, indexed like <see cref="Candidates"/> (sorted by login).
/// <see cref="D"/>[i][j] is the number of ballots that prefer candidate i to candidate j; <see cref="P"/>[i][j]
/// the strength of the strongest path from i to j (0 when there is none). The diagonals are 0.
/// </summary>
public sealed record SchulzeMatrices(IReadOnlyList<string> Candidates, IReadOnlyList<IReadOnlyList<int>> D, IReadOnlyList<IReadOnlyList<int>> P)
{
    /// <summary>Ballots preferring <paramref name="x"/> to <paramref name="y"/>: d[x,y].</summary>
    public int Preferring(string x, string y) => D[IndexOf(x)][IndexOf(y)];

    /// <summary>The strongest path from <paramref name="x"/> to <paramref name="y"/>: p[x,y].</summary>
    public int Path(string x, string y) => P[IndexOf(x)][IndexOf(y)];

    /// <summary>Whether <paramref name="x"/> beats <paramref name="y"/> in Schulze's sense: p[x,y] &gt; p[y,x].</summary>
    public bool Beats(string x, string y) => Path(x, y) > Path(y, x);

    public int IndexOf(string login)
    {
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Login.Comparer.Equals(Candidates[i], login))
            {
                return i;
            }
        }

        throw new ArgumentException($"@{login} is not a candidate.", nameof(login));
    }

    public bool Equals(SchulzeMatrices? other) =>
        other is not null
        && Candidates.SequenceEqual(other.Candidates, Login.Comparer)
        && Structural.Equal(D, other.D)
        && Structural.Equal(P, other.P);

    public override int GetHashCode() => HashCode.Combine(
        Structural.Hash(Candidates, Login.Comparer), Structural.Hash(D.SelectMany(r => r)), Structural.Hash(P.SelectMany(r => r)));
}
