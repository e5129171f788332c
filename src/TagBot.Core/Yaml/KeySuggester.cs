namespace TagBot.Core.Yaml;

/// <summary>"Did you mean" for misspelt keys, by edit distance.</summary>
public static class KeySuggester
{
    /// <summary>
    /// The known key closest to <paramref name="key"/>, when it is close enough to be a typo: at most 2
    /// edits (3 for keys of 10+ characters), ignoring case and treating '-' like '_'; failing that, a known
    /// key that the typed one abbreviates (<c>term</c> for <c>term_months</c>).
    /// </summary>
    public static string? Suggest(string key, IEnumerable<string> known)
    {
        var typed = Normalize(key);
        known = [.. known];
        var limit = typed.Length >= 10 ? 3 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed, Normalize(candidate));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        if (bestDistance <= Math.Min(limit, Math.Max(1, typed.Length - 1)))
        {
            return best;
        }
        return typed.Length >= 3
            ? known.FirstOrDefault(k => Normalize(k).StartsWith(typed + "_", StringComparison.Ordinal))
            : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static string Normalize(string key) => key.ToLowerInvariant().Replace('-', '_');
}
