using System.Text;
using TagBot.Core.Governance;

namespace TagBot.Core.Status;

/// <summary>The parts every status comment shares: marker, title, warnings and the footer.</summary>
public static class StatusText
{
    public static void Header(StringBuilder text, string kind, string stage, IReadOnlyList<string> warnings)
    {
        text.Append(Markers.Status).Append('\n');
        text.Append("## ").Append(kind).Append(": ").Append(stage).Append("\n\n");
        foreach (var warning in warnings)
        {
            text.Append("> [!WARNING]\n> ").Append(warning.Replace("\n", "\n> ", StringComparison.Ordinal)).Append("\n\n");
        }
    }

    public static void Footer(StringBuilder text, Authority authority)
    {
        var policy = authority.Policy;
        text.Append("<sub>Binding positions come from the roles ").Append(Authority.List(policy.Voters))
            .Append(" in `").Append(policy.Roster.Path).Append('`')
            .Append(policy.Voters.Any(Teams.TeamName.IsTeam) ? (authority.Teams.Frozen ? " (a `team:` entry: its members as frozen at the opening)" : " (a `team:` entry: the team's current members)") : "")
            .Append(". A position is each person's latest command; ")
            .Append("edit or delete your comment to change it. Comment `/tagbot help` for the commands.</sub>\n");
    }
}
