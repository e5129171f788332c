namespace TagBot.Core.Policies.Rules;

/// <summary>Rules on the names of the labels TagBot reads and manages.</summary>
public static class LabelRules
{
    /// <summary>
    /// The proposal label, the election label and every managed label (the <c>labels</c> keys of
    /// <see cref="PolicyReference"/>) need distinct names, compared case-insensitively as GitHub does:
    /// otherwise one label would mean two states.
    /// </summary>
    public static IEnumerable<PolicyViolation> LabelsAreDistinct(Policy policy)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [policy.Proposals.Label] = "proposals.label",
        };
        if (!seen.TryAdd(policy.Elections.Label, "elections.label"))
        {
            yield return new PolicyViolation("elections.label",
                $"'{policy.Elections.Label}' is also proposals.label; proposals and elections need different labels",
                ["elections.label", "proposals.label"]);
        }
        foreach (var key in PolicyReference.Keys.Where(k => k.Path.StartsWith("labels.", StringComparison.Ordinal)))
        {
            var name = (string)key.Value(policy)!;
            if (!seen.TryAdd(name, key.Path))
            {
                yield return new PolicyViolation(key.Path,
                    $"'{name}' is also used for {seen[name]}; every label TagBot manages needs its own name (GitHub labels compare case-insensitively)",
                    [key.Path, seen[name], "labels"]);
            }
        }
    }
}
