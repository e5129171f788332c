using System.Text;
using TagBot.Core.Rosters;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// How a frozen GitHub team's membership differs from what GitHub lists now. The frozen members count, so the status
/// says plainly that someone who joined since does not and someone who left still does.
/// </summary>
public sealed record TeamChange(string Team, IReadOnlyList<string> Joined, IReadOnlyList<string> Left)
{
    /// <summary>The changes of every frozen team that could be read now (an unreadable one is not called changed).</summary>
    public static IReadOnlyList<TeamChange> Between(IReadOnlyDictionary<string, IReadOnlyList<string>> frozen, Teams.TeamMembers current) =>
        [.. frozen.Where(t => current.Members.ContainsKey(t.Key))
            .Select(t => new TeamChange(
                t.Key,
                [.. current.Of(t.Key).Except(t.Value, Login.Comparer).Order(StringComparer.OrdinalIgnoreCase)],
                [.. t.Value.Except(current.Of(t.Key), Login.Comparer).Order(StringComparer.OrdinalIgnoreCase)]))
            .Where(c => c.Joined.Count > 0 || c.Left.Count > 0)];

    public void Describe(StringBuilder text)
    {
        text.Append("> [!NOTE]\n> The GitHub team `").Append(Team).Append("` has changed since the freeze. This election counts its members as they were then");
        if (Joined.Count > 0)
        {
            text.Append("; added since, not counted through the team: ").Append(Mentions(Joined));
        }

        if (Left.Count > 0)
        {
            text.Append("; removed since, still counted: ").Append(Mentions(Left));
        }

        text.Append(".\n\n");
    }

    private static string Mentions(IEnumerable<string> logins) => string.Join(", ", logins.Select(l => "@" + l));
}
