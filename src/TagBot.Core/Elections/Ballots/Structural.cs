namespace TagBot.Core.Elections.Ballots;

/// <summary>Value equality for the nested lists of the count's records (records compare lists by reference).</summary>
internal static class Structural
{
    public static bool Equal<T>(IReadOnlyList<IReadOnlyList<T>> a, IReadOnlyList<IReadOnlyList<T>> b, IEqualityComparer<T>? comparer = null) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.SequenceEqual(p.Second, comparer));

    public static int Hash<T>(IEnumerable<T> items, IEqualityComparer<T>? comparer = null)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item, comparer);
        }

        return hash.ToHashCode();
    }
}
