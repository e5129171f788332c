namespace TagBot.Core.Policies.Rules;

/// <summary>
/// Rules tying a role's region maps (<c>seats_per_region</c>, <c>min_per_region</c>) to <c>regions</c>
/// and to each other. The maps compare regions case-insensitively.
/// </summary>
public static class RegionRules
{
    /// <summary>
    /// Every region a role's maps name must be in <c>regions</c>. <paramref name="setInFile"/> tells whether
    /// the file sets a dotted key: a region the file wrote is blamed where it is written; one from a default
    /// map the file kept is blamed on <c>regions</c>, which the file changed.
    /// </summary>
    public static IEnumerable<PolicyViolation> RegionsAreListed(
        IReadOnlyList<string> regions, string roleId, RolePolicy role, Func<string, bool> setInFile)
    {
        var listed = string.Join(", ", regions);
        foreach (var (path, counts) in RegionMaps(roleId, role))
        {
            foreach (var region in counts.Keys.Where(region => Spelling(regions, region) is null))
            {
                yield return setInFile($"{path}.{region}")
                    ? new PolicyViolation(path, $"region '{region}' is not in regions ({listed})", [$"{path}.{region}"])
                    : new PolicyViolation(path,
                        $"the default names region '{region}', which is not in regions ({listed}); set {path} for your regions",
                        ["regions"]);
            }
        }
    }

    /// <summary>The role with its region maps spelled as <c>regions</c> spells them, regions not listed dropped.</summary>
    public static RolePolicy Respell(IReadOnlyList<string> regions, RolePolicy role) => role with
    {
        SeatsPerRegion = role.SeatsPerRegion is { } caps ? Respell(regions, caps) : null,
        MinPerRegion = Respell(regions, role.MinPerRegion),
    };

    /// <summary>A region's minimum may not exceed its cap: the minimum could never be met.</summary>
    public static IEnumerable<PolicyViolation> MinimumsWithinCaps(string roleId, RolePolicy role)
    {
        var path = $"roles.{roleId}";
        foreach (var (region, min) in role.MinPerRegion)
        {
            if (role.CapFor(region) is { } cap && min > cap)
            {
                yield return new PolicyViolation($"{path}.min_per_region",
                    $"minimum {min} for {region} is more than its {cap} seat(s) in seats_per_region",
                    [$"{path}.min_per_region.{region}", $"{path}.min_per_region", $"{path}.seats_per_region"]);
            }
        }
    }

    /// <summary>With a total of <c>seats</c>, the minimums together may not exceed it.</summary>
    public static IEnumerable<PolicyViolation> MinimumsWithinSeats(string roleId, RolePolicy role)
    {
        var path = $"roles.{roleId}";
        var sum = role.MinPerRegion.Values.Sum();
        if (role.Seats is { } seats && sum > seats)
        {
            yield return new PolicyViolation($"{path}.min_per_region",
                $"the minimums add up to {sum}, more than the {seats} seat(s) of seats",
                [$"{path}.min_per_region", $"{path}.seats"]);
        }
    }

    private static IEnumerable<(string Path, IReadOnlyDictionary<string, int> Counts)> RegionMaps(string roleId, RolePolicy role)
    {
        if (role.SeatsPerRegion is { } caps)
        {
            yield return ($"roles.{roleId}.seats_per_region", caps);
        }
        yield return ($"roles.{roleId}.min_per_region", role.MinPerRegion);
    }

    private static Dictionary<string, int> Respell(IReadOnlyList<string> regions, IReadOnlyDictionary<string, int> counts)
    {
        var spelled = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, count) in counts)
        {
            if (Spelling(regions, region) is { } known)
            {
                spelled[known] = count;
            }
        }
        return spelled;
    }

    private static string? Spelling(IReadOnlyList<string> regions, string region) =>
        regions.FirstOrDefault(k => string.Equals(k, region, StringComparison.OrdinalIgnoreCase));
}
