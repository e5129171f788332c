namespace TagBot.Core.Policies.Rules;

/// <summary>Rules of the <c>roster</c> section.</summary>
public static class RosterRules
{
    /// <summary>A cncf-toc roster is one entry of a shared <c>tags.yaml</c>, so <c>roster.entry</c> must say which.</summary>
    public static IEnumerable<PolicyViolation> CncfTocNamesItsEntry(Policy policy)
    {
        if (policy.Roster is { Format: RosterFormat.CncfToc, Entry: null })
        {
            yield return new PolicyViolation("roster.entry",
                "required when roster.format is cncf-toc: the `dir` of the tags.yaml entry to edit, e.g. tag-security",
                ["roster.entry", "roster.format"]);
        }
    }
}
