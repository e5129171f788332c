using System.Globalization;
using System.Text;
using TagBot.Core.Governance;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Record;

/// <summary>
/// The record comment: readable by people (files, counts, the roll in a collapsed list) and read back
/// by TagBot and <c>audit</c>. The roll is written once, as <c>login id</c> lines in a code block, so
/// that a 1,500-voter electorate still fits in one comment; the commit, moment and files sit in a
/// hidden block at the end.
/// </summary>
public static class ElectionRecordText
{
    private const string RollStart = "```text\n";

    /// <param name="election">False for a proposal with <c>proposals.electorate: frozen</c>: no candidates, seats or deadlines.</param>
    public static string Render(ElectionRecord record, Authority authority, bool election = true)
    {
        var policy = authority.Policy;
        var electorate = election ? Electorate.Of(authority) : Electorate.ByRoles(authority);
        var text = new StringBuilder();
        text.Append(Markers.ElectionRecord).Append('\n');
        if (election)
        {
            text.Append("## Election record\n\n");
            text.Append("TagBot froze this election when it opened, on ").Append(Dates.Moment(record.FrozenAt))
                .Append(". Until the close, who may vote and stand, the seats up and the rules are read from these files as they were at commit `")
                .Append(record.Commit).Append("`, whatever changes in the repository meanwhile; people are matched by GitHub user ID, so a renamed ")
                .Append("account keeps its role and its votes. The roster pull request at the close still edits the roster as it is then.\n\n");
        }
        else
        {
            text.Append("## Proposal record\n\n");
            text.Append("TagBot froze this proposal's electorate when it opened, on ").Append(Dates.Moment(record.FrozenAt))
                .Append(" (`proposals.electorate: frozen`). Until it is decided, whose positions are binding and the rules are read from these ")
                .Append("files as they were at commit `").Append(record.Commit).Append("`; people are matched by GitHub user ID.\n\n");
        }

        var phases = Phases.ElectionPhases.Of(record, policy.Elections);
        if (election && phases.Describe() is { Length: > 0 } deadlines)
        {
            text.Append("**Deadlines (UTC):** ").Append(deadlines).Append(" Editing the issue body does not move them.\n\n");
        }

        text.Append("| File | Blob SHA at the freeze |\n|---|---|\n");
        foreach (var file in record.Files)
        {
            text.Append("| `").Append(file.Path).Append("` | `").Append(file.Sha).Append("` |\n");
        }

        text.Append("\n**Electorate:** ").Append(electorate.People).Append(electorate.People == 1 ? " person" : " people")
            .Append(electorate.File is null ? " holding " + Authority.List(electorate.Roles) : $" listed in `{electorate.File}`").Append('.');
        if (election)
        {
            text.Append(" **Candidates:** ").Append(policy.Elections.AnyoneMayStand ? "anyone" : Authority.List(policy.Elections.Candidates)).Append('.');
        }

        text.Append("\n\n");
        if (record.Teams.Count > 0)
        {
            text.Append("**GitHub teams, as their members were at the freeze:** ")
                .Append(string.Join(", ", record.Teams.Select(t => $"`{t.Key}` ({ElectionText.Plural(t.Value.Count, "member", "members")})")))
                .Append(". Someone added to a team later does not count through it; someone removed still does.\n\n");
        }

        text.Append("<details><summary>The roll: ").Append(record.People.Count).Append(" people with their GitHub user IDs</summary>\n\n")
            .Append(RollStart);
        foreach (var person in record.People)
        {
            text.Append(person.Login).Append(' ').Append(person.Id?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('\n');
        }

        text.Append("```\n\n</details>\n\n");
        text.Append(Markers.ElectionRecordData).Append('\n')
            .Append("commit ").Append(record.Commit).Append('\n')
            ;
        Moment(text, "frozen-at", record.FrozenAt);
        Moment(text, "nominations-close", record.NominationsClose);
        Moment(text, "voting-closes", record.VotingCloses);
        foreach (var file in record.Files)
        {
            text.Append("file ").Append(file.Sha).Append(' ').Append(file.Path).Append('\n');
        }

        // One line per team: its entry, then its members' logins (on the roll above with their user IDs).
        foreach (var (team, members) in record.Teams)
        {
            text.Append("team ").Append(team);
            foreach (var member in members)
            {
                text.Append(' ').Append(member);
            }

            text.Append('\n');
        }

        text.Append("-->\n");
        return text.ToString();
    }

    /// <summary>The record in a body <see cref="Render"/> wrote, or null when it is not one or was damaged.</summary>
    public static ElectionRecord? Parse(string body)
    {
        body = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var data = body.IndexOf(Markers.ElectionRecordData + "\n", StringComparison.Ordinal);
        var roll = body.IndexOf(RollStart, StringComparison.Ordinal);
        if (!Markers.IsElectionRecord(body) || data < 0 || roll < 0 || roll > data)
        {
            return null;
        }

        string? commit = null;
        DateTimeOffset? at = null, nominations = null, voting = null;
        var files = new List<FrozenFile>();
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in body[(data + Markers.ElectionRecordData.Length + 1)..].Split('\n').TakeWhile(l => l != "-->"))
        {
            var parts = line.Split(' ', 3);
            switch (parts[0])
            {
                case "commit" when parts.Length == 2:
                    commit = parts[1];
                    break;
                case "frozen-at" when parts.Length == 2:
                    at = ReadMoment(parts[1]);
                    break;
                case "nominations-close" when parts.Length == 2:
                    nominations = ReadMoment(parts[1]);
                    break;
                case "voting-closes" when parts.Length == 2:
                    voting = ReadMoment(parts[1]);
                    break;
                case "file" when parts.Length == 3:
                    files.Add(new FrozenFile(parts[2], parts[1]));
                    break;
                case "team" when parts.Length >= 2:
                    teams[parts[1]] = parts.Length == 3 ? parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
                    break;
            }
        }

        var people = new List<FrozenPerson>();
        var end = body.IndexOf("```", roll + RollStart.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        foreach (var line in body[(roll + RollStart.Length)..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                return null;
            }

            long? id = parts[1] == "-" ? null
                : long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            if (id == -1)
            {
                return null;
            }

            people.Add(new FrozenPerson(parts[0], id));
        }

        return commit is null || at is null
            ? null
            : new ElectionRecord(commit, files, at.Value, people) { NominationsClose = nominations, VotingCloses = voting, Teams = teams };
    }

    private static void Moment(StringBuilder text, string name, DateTimeOffset? at)
    {
        if (at is { } moment)
        {
            text.Append(name).Append(' ').Append(moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static DateTimeOffset? ReadMoment(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment.ToUniversalTime() : null;
}
