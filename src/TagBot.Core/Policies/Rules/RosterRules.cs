namespace TagBot.Core.Policies.Rules;

/// <summary>Rules of the <c>roster</c> section.</summary>
public static class RosterRules
{
    /// <summary>
    /// A cncf-toc or k8s-sigs roster is one entry of a file many groups share (<c>tags.yaml</c>, <c>sigs.yaml</c>),
    /// so <c>roster.entry</c> must say which.
    /// </summary>
    public static IEnumerable<PolicyViolation> CncfTocNamesItsEntry(Policy policy)
    {
        if (policy.Roster is { Entry: null } roster && RosterFormats.NeedsEntry(roster.Format))
        {
            yield return new PolicyViolation("roster.entry", roster.Format == RosterFormat.CncfToc
                    ? "required when roster.format is cncf-toc: the `dir` of the tags.yaml entry to edit, e.g. tag-security"
                    : "required when roster.format is k8s-sigs: the `dir` of the sigs.yaml group to edit, e.g. sig-architecture",
                ["roster.entry", "roster.format"]);
        }
    }
}
