namespace TagBot.Core.Policies;

/// <summary>The names <c>roster.format</c> gives the formats: read by the policy loader, shown by the tools.</summary>
public static class RosterFormats
{
    public static IReadOnlyDictionary<string, RosterFormat> ByName { get; } = new Dictionary<string, RosterFormat>(StringComparer.Ordinal)
    {
        ["tagbot"] = RosterFormat.Tagbot,
        ["cncf-toc"] = RosterFormat.CncfToc,
        ["markdown-table"] = RosterFormat.MarkdownTable,
        ["k8s-sigs"] = RosterFormat.K8sSigs,
    };

    public static string Name(RosterFormat format) => ByName.Single(pair => pair.Value == format).Key;

    /// <summary>The format as an operator would describe the settings: <c>cncf-toc (entry `tag-security`)</c>.</summary>
    public static string Describe(RosterSettings settings) => settings.Format switch
    {
        RosterFormat.CncfToc => $"{Name(settings.Format)} (entry `{settings.Entry}`)",
        RosterFormat.K8sSigs => $"{Name(settings.Format)} (group `{settings.Entry}`)",
        _ => Name(settings.Format),
    };

    /// <summary>Whether the format is one entry of a file shared by many groups, so that <c>roster.entry</c> must name it.</summary>
    public static bool NeedsEntry(RosterFormat format) => format is RosterFormat.CncfToc or RosterFormat.K8sSigs;
}
