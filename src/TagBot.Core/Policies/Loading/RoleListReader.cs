using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>A list of roster role names (<c>voters</c>, <c>chairs</c>, <c>elections.candidates</c>, ...), duplicates dropped.</summary>
internal static class RoleListReader
{
    public static IReadOnlyList<string> Read(ConfigNodeReader r, ConfigNode node, IReadOnlyList<string> names) =>
        r.TryStringList(node, out var items) ? [.. items.Select(i => i.Value).Distinct(StringComparer.Ordinal)] : names;
}
