using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>The <c>regions:</c> list: unique names (case-insensitively) without spaces.</summary>
internal static class RegionsReader
{
    public static IReadOnlyList<string> Read(ConfigNodeReader r, ConfigNode node, IReadOnlyList<string> regions)
    {
        if (!r.TryStringList(node, out var items))
        {
            return regions;
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, itemNode) in items)
        {
            if (seen.TryGetValue(region, out var first))
            {
                r.Report(itemNode, $"duplicate region '{region}' (already listed as '{first}'; regions compare case-insensitively)");
                continue;
            }
            if (region.Any(char.IsWhiteSpace))
            {
                // Region names are typed as one word in /nominate commands.
                r.Report(itemNode, $"region '{region}' contains a space; region names are typed in /nominate commands, so use e.g. '{string.Join('-', region.Split(' ', StringSplitOptions.RemoveEmptyEntries))}'");
            }
            seen.Add(region, region);
        }
        return [.. seen.Values];
    }
}
