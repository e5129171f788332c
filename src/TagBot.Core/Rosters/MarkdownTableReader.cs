using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Reads a roster kept as Markdown tables (format <c>markdown-table</c>), one per role between the lines
/// <c>&lt;!-- tagbot:roster:ROLE:start --&gt;</c> and <c>&lt;!-- tagbot:roster:ROLE:end --&gt;</c>, and an optional
/// <c>emeritus</c> table marked the same way. Columns are recognised by header: Name, GitHub (or Handle), Company
/// (or Organization), Region, Term (<c>YYYY-MM-DD – YYYY-MM-DD</c>; a hyphen also reads) and, in the emeritus
/// table, Role (<c>Tech Lead</c> reads as <c>tech_lead</c>); other columns are ignored. A table without a GitHub
/// column takes each login from the GitHub profile its Name cell links to. Cells are read as a reader sees them:
/// bold, italics and links are not part of a name or a login (<c>**[@x](https://github.com/x)**</c> is <c>x</c>).
/// A row with an empty login cell is a vacancy and is skipped, as is an emeritus row without a role.
/// </summary>
public static class MarkdownTableReader
{
    /// <summary>The marker name of the table of former holders.</summary>
    public const string Emeritus = "emeritus";

    /// <summary>One row's values; <paramref name="Line"/> is 1-based and <paramref name="Index"/> counts the table's rows from 0.</summary>
    private sealed record Row(int Line, int Index, Person Person, Term? Term, string? Role);

    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's repository path, for error messages.</param>
    /// <param name="roles">The roles to read; each must have its marked table.</param>
    public static RosterLoadResult Read(string? text, string fileName, IEnumerable<string> roles)
    {
        var lines = new TextLines(text ?? "");
        var errors = new List<ConfigError>();
        var people = new Dictionary<string, Person>(Login.Comparer);
        var holders = new Dictionary<string, IReadOnlyList<SeatHolder>>(StringComparer.Ordinal);
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            if (Find(lines, fileName, role, errors) is not { } table)
            {
                continue;
            }
            var seen = new Dictionary<string, int>(Login.Comparer);
            var list = new List<SeatHolder>();
            foreach (var row in Rows(lines, fileName, table, errors))
            {
                if (!seen.TryAdd(row.Person.GitHub, row.Line))
                {
                    errors.Add(new(fileName, row.Line, 1, $"{role}[{row.Index}].github", $"'{row.Person.GitHub}' is already listed in this table on line {seen[row.Person.GitHub]}"));
                    continue;
                }
                list.Add(new SeatHolder(row.Person.GitHub, row.Term));
                people.TryAdd(row.Person.GitHub, row.Person);
            }
            holders[role] = list;
        }
        var emeritus = MarkdownTable.Names(lines).Contains(Emeritus) && Find(lines, fileName, Emeritus, errors) is { } former
            ? Rows(lines, fileName, former, errors).Where(r => r.Role is not null).Select(r => new EmeritusEntry(r.Person.GitHub, r.Role!, r.Term)).ToList()
            : [];
        return errors.Count > 0
            ? new RosterLoadResult(null, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)])
            : new RosterLoadResult(new Roster(people.Values, holders, emeritus), []);
    }

    private static MarkdownTable? Find(TextLines lines, string fileName, string name, List<ConfigError> errors)
    {
        var (table, line, problem) = MarkdownTable.Find(lines, name);
        if (problem is not null)
        {
            errors.Add(new(fileName, line + 1, 1, name, problem));
        }
        return table;
    }

    private static IEnumerable<Row> Rows(TextLines lines, string fileName, MarkdownTable table, List<ConfigError> errors)
    {
        // Names with no profile link at all are a table of names, not of logins: say what the table lacks, once. (An
        // empty table is not: a role whose last holder retired.)
        if (table.LoginColumn is not { } loginColumn
            || (loginColumn == MarkdownColumn.Name && table.Rows.Count > 0 && !table.Rows.Any(r => table.LoginOf(r) is not null)))
        {
            errors.Add(new(fileName, table.HeaderLine + 1, 1, table.Name,
                $"the `{table.Name}` table has no GitHub (or Handle) column; add one (a Profile column serves too), or link each name to its GitHub profile"));
            yield break;
        }
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            string? Text(MarkdownColumn column) => table.Cell(row, column)?.Text is { Length: > 0 } text ? text : null;
            string? Plain(MarkdownColumn column) => Text(column) is { } text && MarkdownCells.Plain(text) is { Length: > 0 } plain ? plain : null;
            void Report(MarkdownColumn column, string key, string message)
            {
                var column1 = table.Cell(row, column)!.Value.Start - lines.StartOf(row.Line) + 1;
                errors.Add(new(fileName, row.Line + 1, column1, $"{table.Name}[{i}].{key}", message));
            }

            if (Text(loginColumn) is not { } loginCell)
            {
                continue;
            }
            if (table.LoginOf(row) is not { } login)
            {
                // Only a Name cell can hold text without a login: a name not linked to a GitHub profile.
                Report(loginColumn, "github", $"no GitHub login for \"{loginCell}\": link the name to the GitHub profile "
                    + "([Name](https://github.com/login)) or add a GitHub column");
                continue;
            }
            if (Login.Problem(login) is { } problem)
            {
                Report(MarkdownColumn.GitHub, "github", problem);
                continue;
            }
            if (!MarkdownCells.TryTerm(Text(MarkdownColumn.Term) ?? "", out var term))
            {
                Report(MarkdownColumn.Term, "term", $"expected a term written YYYY-MM-DD – YYYY-MM-DD (ending after it starts), found \"{Text(MarkdownColumn.Term)}\"");
                continue;
            }
            var person = new Person(login, Plain(MarkdownColumn.Name), Plain(MarkdownColumn.Company), Plain(MarkdownColumn.Region));
            yield return new Row(row.Line + 1, i, person, term, MarkdownCells.RoleId(Plain(MarkdownColumn.Role) ?? ""));
        }
    }
}
