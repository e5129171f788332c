using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// A map region → count ≥ 0 (<c>seats_per_region</c>, <c>min_per_region</c>). Whether its regions are in
/// <c>regions</c> is checked after the whole file is read, since <c>regions</c> may come later.
/// </summary>
internal static class RegionCountsReader
{
    /// <summary>False (after reporting) when the map is unusable; a null node reads as null.</summary>
    public static bool TryRead(ConfigNodeReader r, ConfigNode node, out Dictionary<string, int>? counts)
    {
        counts = null;
        if (node.IsNull)
        {
            return true;
        }
        if (node.Node is not YamlMappingNode)
        {
            r.Report(node, $"expected a map of region: number (e.g. {{ APAC: 2, EMEA: 2 }}), found {node.Describe()}");
            return false;
        }
        counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        foreach (var (region, keyNode, value) in r.Entries(node))
        {
            if (counts.ContainsKey(region))
            {
                r.Report(keyNode, $"region '{region}' is listed twice (regions compare case-insensitively)");
                ok = false;
            }
            else if (r.TryInt(value, 0, out var count))
            {
                counts.Add(region, count);
            }
            else
            {
                ok = false;
            }
        }
        return ok;
    }
}
