using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// The candidates of one count in their one order: sorted by login (ordinal, case-insensitive), spelled as
/// given. Every matrix, sheet column and BLT number uses this order, so the output never depends on the order
/// the candidates were passed in.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly Dictionary<string, int> _index;

    public CandidateIndex(IEnumerable<string> candidates)
    {
        Logins = [.. candidates.Order(Login.Comparer)];
        _index = new Dictionary<string, int>(Login.Comparer);
        for (var i = 0; i < Logins.Count; i++)
        {
            if (!_index.TryAdd(Logins[i], i))
            {
                throw new ArgumentException($"@{Logins[i]} is a candidate twice.", nameof(candidates));
            }
        }
    }

    public IReadOnlyList<string> Logins { get; }

    public int Count => Logins.Count;

    public bool TryFind(string login, out int index) => _index.TryGetValue(login, out index);

    /// <summary>
    /// The ballot as a rank per candidate (1 = most preferred, 0 = not ranked), or the reason it cannot be
    /// counted. Ranks are the tier numbers, so a valid ballot's ranks are 1..k without gaps.
    /// </summary>
    public int[]? Ranks(BallotKind kind, Ballot ballot, out string? problem)
    {
        var ranks = new int[Count];
        problem = null;
        if (kind == BallotKind.Approval && ballot.Preferences.Count > 1)
        {
            problem = $"an approval ballot approves one group of candidates; this one has {ballot.Preferences.Count} ranks";
            return null;
        }

        for (var tier = 0; tier < ballot.Preferences.Count; tier++)
        {
            var names = ballot.Preferences[tier];
            if (names.Count == 0)
            {
                problem = $"rank {tier + 1} names nobody";
                return null;
            }

            foreach (var name in names)
            {
                if (!TryFind(name, out var i))
                {
                    problem = $"@{name} is not a candidate (the candidates are {Mentions(Logins)})";
                    return null;
                }

                if (ranks[i] != 0)
                {
                    problem = $"@{Logins[i]} is marked twice";
                    return null;
                }

                ranks[i] = tier + 1;
            }
        }

        return ranks;
    }

    public static string Mentions(IEnumerable<string> logins)
    {
        var list = logins.Select(l => "@" + l).ToList();
        return list.Count == 0 ? "nobody" : string.Join(", ", list);
    }
}
