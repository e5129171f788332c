using TagBot.Core.Policies;

namespace TagBot.GitHub;

/// <summary>Colours and descriptions for the labels TagBot creates when a repository lacks them.</summary>
public static class LabelStyle
{
    public static (string Color, string Description) For(string label, LabelNames names)
    {
        var styles = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            [names.Triage] = ("fbca04", "Waiting for a chair or lead to /triage"),
            [names.Discussion] = ("c5def5", "Proposal under discussion"),
            [names.Blocked] = ("b60205", "A binding objection is open"),
            [names.Consensus] = ("0e8a16", "Enough binding support, no open binding objection"),
            [names.Accepted] = ("0e8a16", "Accepted by a chair"),
            [names.Rejected] = ("e99695", "Rejected by a chair"),
            [names.ElectionOpen] = ("1d76db", "Election open: /nominate, /support"),
            [names.ElectionTie] = ("d93f0b", "Tie at the cut-off: a chair comments /break-tie"),
            [names.ElectionClosed] = ("5319e7", "Election closed; result posted"),
            [names.RosterPr] = ("bfd4f2", "Roster pull request open"),
            [names.RosterUpdated] = ("0e8a16", "Roster pull request merged"),
        };
        return styles.TryGetValue(label, out var style) ? style : ("ededed", "Managed by TagBot");
    }
}
