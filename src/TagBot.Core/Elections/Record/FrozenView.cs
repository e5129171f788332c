using System.Text;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// What the status comment says of the record: when and at which commit the election froze, the
/// roll, what changed in the repository since (which this election ignores), and who was renamed.
/// </summary>
/// <param name="Url">The record comment, once posted.</param>
/// <param name="Changed">Frozen files that differ on the default branch now, by path.</param>
/// <param name="Renamed">Frozen login → the login GitHub shows now.</param>
public sealed record FrozenView(ElectionRecord Record, string? Url, IReadOnlyList<string> Changed, IReadOnlyDictionary<string, string> Renamed)
{
    /// <summary>Each frozen team whose members GitHub lists differently now: who joined since (not counted) and who left (still counted).</summary>
    public IReadOnlyList<TeamChange> TeamChanges { get; init; } = [];

    /// <param name="currentTeams">The teams' members as read at this pass, to say how they changed since the freeze; null: not read.</param>
    public static FrozenView Of(
        ElectionRecord record, Issues.IssueSnapshot issue, IReadOnlyList<FrozenFile> current, Identities identities, Teams.TeamMembers? currentTeams = null) => new(
        record,
        ElectionRecord.CommentOf(issue)?.Url,
        [.. record.Files.Where(f => current.FirstOrDefault(c => c.Path == f.Path) is { } now && now.Sha != f.Sha).Select(f => f.Path)
            .Concat(current.Where(c => record.ShaOf(c.Path) is null).Select(c => c.Path))],
        identities.Renamed)
        {
            TeamChanges = currentTeams is null ? [] : TeamChange.Between(record.Teams, currentTeams),
        };

    public void Describe(StringBuilder text)
    {
        text.Append("**Record:** frozen ").Append(Dates.Moment(Record.FrozenAt)).Append(" at commit `").Append(Short(Record.Commit)).Append('`');
        text.Append(Url is null ? " (the record comment is being posted)" : " (" + Markdown.Link("the record", Url) + ")")
            .Append(": the electorate, the candidates, the seats up and the rules are read as they were then. ")
            .Append(Record.People.Count).Append(" people on the roll, matched by GitHub user ID.\n\n");
        if (Changed.Count > 0)
        {
            text.Append("> [!NOTE]\n> ").Append(string.Join(", ", Changed.Select(p => $"`{p}`")))
                .Append(Changed.Count == 1 ? " has" : " have").Append(" changed on the default branch since the freeze. ")
                .Append("This election keeps counting with the frozen version; the change applies to the next election. ")
                .Append("The roster pull request at the close edits the file as it is then.\n\n");
        }

        foreach (var change in TeamChanges)
        {
            change.Describe(text);
        }

        if (Renamed.Count > 0)
        {
            text.Append("**Renamed since the freeze:** ").Append(string.Join(", ", Renamed.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
                .Select(r => $"@{r.Value} (frozen as `{r.Key}`)"))).Append("; their roles and positions are kept, listed below under the frozen login.\n\n");
        }

        text.Append("<details><summary>The roll</summary>\n\n| Login | GitHub user ID |\n|---|---|\n");
        foreach (var person in Record.People)
        {
            var shown = Renamed.TryGetValue(person.Login, out var now) ? $"@{now} (was `{person.Login}`)" : "@" + person.Login;
            text.Append("| ").Append(shown).Append(" | ").Append(person.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no account").Append(" |\n");
        }

        text.Append("\n</details>\n\n");
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
