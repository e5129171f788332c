using System.Collections;

namespace TagBot.Core.Policies;

/// <summary>
/// Read-only collections with value equality, so that records holding them (<see cref="Policy"/>,
/// <see cref="RolePolicy"/>, <see cref="ElectionPolicy"/>) compare by content: two policies loaded
/// from equivalent files are equal, and a caller can cheaply tell whether the policy changed.
/// </summary>
internal static class ValueCollections
{
    public static IReadOnlyList<T> List<T>(IEnumerable<T> items) =>
        items as ValueList<T> ?? new ValueList<T>([.. items]);

    public static IReadOnlyDictionary<TKey, TValue> Map<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>> entries, IEqualityComparer<TKey> comparer)
        where TKey : notnull =>
        entries is ValueMap<TKey, TValue> map && map.Comparer.Equals(comparer)
            ? map
            : new ValueMap<TKey, TValue>(entries, comparer);
}

internal sealed class ValueList<T>(T[] items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public T this[int index] => items[index];

    public int Count => items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>An insertion-ordered dictionary whose equality ignores order.</summary>
internal sealed class ValueMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> byKey;
    private readonly KeyValuePair<TKey, TValue>[] ordered;

    public ValueMap(IEnumerable<KeyValuePair<TKey, TValue>> entries, IEqualityComparer<TKey> comparer)
    {
        byKey = new Dictionary<TKey, TValue>(comparer);
        var list = new List<KeyValuePair<TKey, TValue>>();
        foreach (var (key, value) in entries)
        {
            if (!byKey.TryAdd(key, value))
            {
                throw new ArgumentException($"Duplicate key '{key}'.", nameof(entries));
            }
            list.Add(new(key, value));
        }
        ordered = [.. list];
        Comparer = comparer;
    }

    public IEqualityComparer<TKey> Comparer { get; }

    public TValue this[TKey key] => byKey[key];

    public IEnumerable<TKey> Keys => ordered.Select(e => e.Key);

    public IEnumerable<TValue> Values => ordered.Select(e => e.Value);

    public int Count => ordered.Length;

    public bool ContainsKey(TKey key) => byKey.ContainsKey(key);

    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        byKey.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<TKey, TValue>>)ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap<TKey, TValue>? other) =>
        other is not null
        && other.Count == Count
        && ordered.All(e => other.TryGetValue(e.Key, out var v) && EqualityComparer<TValue>.Default.Equals(e.Value, v));

    public override bool Equals(object? obj) => Equals(obj as ValueMap<TKey, TValue>);

    public override int GetHashCode()
    {
        // Order-independent: a sum of per-entry hashes.
        var sum = 0;
        foreach (var (key, value) in ordered)
        {
            sum = unchecked(sum + HashCode.Combine(Comparer.GetHashCode(key), value));
        }
        return sum;
    }

    public override string ToString() => "{" + string.Join(", ", ordered.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
