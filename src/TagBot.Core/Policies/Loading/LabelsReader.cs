using TagBot.Core.Yaml;

namespace TagBot.Core.Policies.Loading;

/// <summary>The <c>labels:</c> section: the name of each label TagBot manages.</summary>
internal static class LabelsReader
{
    private const string Section = "labels";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static LabelNames Read(ConfigNodeReader r, ConfigNode node, LabelNames labels)
    {
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            if (r.TryName(value, out var name))
            {
                labels = With(labels, key, name);
            }
        }
        return labels;
    }

    private static LabelNames With(LabelNames labels, string key, string name) => key switch
    {
        "triage" => labels with { Triage = name },
        "discussion" => labels with { Discussion = name },
        "blocked" => labels with { Blocked = name },
        "consensus" => labels with { Consensus = name },
        "accepted" => labels with { Accepted = name },
        "rejected" => labels with { Rejected = name },
        "election_open" => labels with { ElectionOpen = name },
        "election_tie" => labels with { ElectionTie = name },
        "election_closed" => labels with { ElectionClosed = name },
        "roster_pr" => labels with { RosterPr = name },
        "roster_updated" => labels with { RosterUpdated = name },
        _ => throw SectionKeys.Unread(Section, key),
    };
}
