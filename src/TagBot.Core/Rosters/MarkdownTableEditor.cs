using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>
/// Edits the marked tables of a <c>markdown-table</c> roster (see <see cref="MarkdownTableReader"/>) in place:
/// a new holder is a new last row of the role's table (columns TagBot does not know left empty, the GitHub cell
/// written like the other rows'), a reseat replaces the Term cell, a retirement removes the row and, when the
/// file has an <c>emeritus</c> table, adds a row there (name, company and region copied, Role filled in).
/// Without an emeritus table a retirement only removes the row; the roster pull request's body records it.
/// A table without a Term column does not record terms, so terms never differ in it.
/// </summary>
internal static class MarkdownTableEditor
{
    public static RosterEditResult Apply(string text, string file, RosterChange change)
    {
        var roles = change.Operations.Select(o => o.Role).Distinct(StringComparer.Ordinal).ToList();
        var read = MarkdownTableReader.Read(text, file, roles);
        if (read.Roster is not { } roster)
        {
            return RosterEditResult.Failure(read.Errors);
        }
        var lines = new TextLines(text);
        var keepsEmeritus = Table(lines, MarkdownTableReader.Emeritus) is not null;
        var plan = RosterChangePlan.Make(roster, change, keepsEmeritus, role => Table(lines, role)!.IndexOf(MarkdownColumn.Term) >= 0);
        if (plan.Problems.Count > 0)
        {
            return RosterEditResult.Failure(plan.Problems.Select(p =>
                new ConfigError(file, Table(lines, p.Operation.Role)!.HeaderLine + 1, 1, p.Operation.Role, p.Message)));
        }
        foreach (var operation in plan.Operations)
        {
            text = operation switch
            {
                RosterOperation.Seat seat => Seat(text, seat),
                RosterOperation.Retire retire => Retire(text, retire),
                RosterOperation.Reseat reseat => Reseat(text, reseat),
                _ => throw new ArgumentException($"Unknown roster operation {operation}.", nameof(change)),
            };
        }
        return RosterEditResult.Success(text);
    }

    private static MarkdownTable? Table(TextLines lines, string name) => MarkdownTable.Find(lines, name).Table;

    private static string Seat(string text, RosterOperation.Seat seat)
    {
        var lines = new TextLines(text);
        var table = Table(lines, seat.Role)!;
        var values = Person(lines, table, seat.GitHub, seat.Person?.Name, seat.Person?.Company, seat.Person?.Region);
        values[MarkdownColumn.Term] = MarkdownCells.Term(seat.Term);
        values[MarkdownColumn.Role] = MarkdownCells.RoleTitle(seat.Role);
        return lines.InsertAfter(table.LastLine, [table.Row(values)]);
    }

    private static string Retire(string text, RosterOperation.Retire retire)
    {
        var lines = new TextLines(text);
        var table = Table(lines, retire.Role)!;
        var row = Holder(table, retire.GitHub);
        string? Plain(MarkdownColumn column) => table.Cell(row, column)?.Text is { Length: > 0 } text ? MarkdownCells.Plain(text) : null;
        var (name, company, region) = (Plain(MarkdownColumn.Name), Plain(MarkdownColumn.Company), Plain(MarkdownColumn.Region));
        lines = new TextLines(lines.Remove(row.Line, row.Line));
        if (Table(lines, MarkdownTableReader.Emeritus) is not { } emeritus)
        {
            return lines.Text;
        }
        var values = Person(lines, emeritus, retire.GitHub, name, company, region);
        values[MarkdownColumn.Term] = retire.Term is null ? null : MarkdownCells.Term(retire.Term);
        values[MarkdownColumn.Role] = MarkdownCells.RoleTitle(retire.Role);
        return lines.InsertAfter(emeritus.LastLine, [emeritus.Row(values)]);
    }

    private static string Reseat(string text, RosterOperation.Reseat reseat)
    {
        var lines = new TextLines(text);
        var table = Table(lines, reseat.Role)!;
        return table.SetCell(lines, Holder(table, reseat.GitHub), MarkdownColumn.Term, MarkdownCells.Term(reseat.NewTerm));
    }

    private static MarkdownRow Holder(MarkdownTable table, string login) =>
        table.Rows.First(r => table.LoginOf(r) is { } holder && Login.Comparer.Equals(holder, login));

    /// <summary>
    /// The person's cells in <paramref name="table"/>, each written like the cells above it in its column: the login
    /// as the GitHub cells write theirs (<c>@x</c>, <c>[@x](…)</c>, bold), or, in a table without a GitHub column, the
    /// name linked to the profile; names, companies and regions in the emphasis of their column.
    /// </summary>
    private static Dictionary<MarkdownColumn, string?> Person(TextLines lines, MarkdownTable table, string login, string? name, string? company, string? region)
    {
        string? Example(MarkdownColumn column) => CellExample(lines, table, column);
        return new Dictionary<MarkdownColumn, string?>
        {
            [MarkdownColumn.Name] = table.LoginColumn == MarkdownColumn.Name
                ? MarkdownCells.ProfileLinkLike(Example(MarkdownColumn.Name), name, login)
                : MarkdownCells.TextLike(Example(MarkdownColumn.Name), name),
            [MarkdownColumn.GitHub] = MarkdownCells.LoginLike(Example(MarkdownColumn.GitHub), login),
            [MarkdownColumn.Company] = MarkdownCells.TextLike(Example(MarkdownColumn.Company), company),
            [MarkdownColumn.Region] = MarkdownCells.TextLike(Example(MarkdownColumn.Region), region),
        };
    }

    /// <summary>
    /// A cell of <paramref name="column"/> to write new cells like: the nearest above the new row (this table's last
    /// rows first), else from any marked table of the file whose names play the same part.
    /// </summary>
    private static string? CellExample(TextLines lines, MarkdownTable table, MarkdownColumn column) =>
        table.Rows.Reverse().Select(r => table.Cell(r, column)?.Text)
            .Concat(MarkdownTable.Names(lines).Select(name => Table(lines, name)).OfType<MarkdownTable>()
                .Where(t => column != MarkdownColumn.Name || t.LoginColumn == table.LoginColumn)
                .SelectMany(t => t.Rows.Select(r => t.Cell(r, column)?.Text)))
            .FirstOrDefault(text => !string.IsNullOrEmpty(text));
}
