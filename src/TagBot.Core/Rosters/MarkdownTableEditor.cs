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
        var row = table.Row(new Dictionary<MarkdownColumn, string?>
        {
            [MarkdownColumn.Name] = seat.Person?.Name,
            [MarkdownColumn.GitHub] = MarkdownCells.LoginLike(LoginExample(lines, table), seat.GitHub),
            [MarkdownColumn.Company] = seat.Person?.Company,
            [MarkdownColumn.Region] = seat.Person?.Region,
            [MarkdownColumn.Term] = MarkdownCells.Term(seat.Term),
            [MarkdownColumn.Role] = MarkdownCells.RoleTitle(seat.Role),
        });
        return lines.InsertAfter(table.LastLine, [row]);
    }

    private static string Retire(string text, RosterOperation.Retire retire)
    {
        var lines = new TextLines(text);
        var table = Table(lines, retire.Role)!;
        var row = Holder(table, retire.GitHub);
        string? Cell(MarkdownColumn column) => table.Cell(row, column)?.Text;
        var values = new Dictionary<MarkdownColumn, string?>
        {
            [MarkdownColumn.Name] = Cell(MarkdownColumn.Name),
            [MarkdownColumn.Company] = Cell(MarkdownColumn.Company),
            [MarkdownColumn.Region] = Cell(MarkdownColumn.Region),
            [MarkdownColumn.Term] = retire.Term is null ? null : MarkdownCells.Term(retire.Term),
            [MarkdownColumn.Role] = MarkdownCells.RoleTitle(retire.Role),
        };
        var example = Table(lines, MarkdownTableReader.Emeritus) is { } before ? LoginExample(lines, before) : null;
        lines = new TextLines(lines.Remove(row.Line, row.Line));
        if (Table(lines, MarkdownTableReader.Emeritus) is not { } emeritus)
        {
            return lines.Text;
        }
        values[MarkdownColumn.GitHub] = MarkdownCells.LoginLike(example, retire.GitHub);
        return lines.InsertAfter(emeritus.LastLine, [emeritus.Row(values)]);
    }

    private static string Reseat(string text, RosterOperation.Reseat reseat)
    {
        var lines = new TextLines(text);
        var table = Table(lines, reseat.Role)!;
        return table.SetCell(lines, Holder(table, reseat.GitHub), MarkdownColumn.Term, MarkdownCells.Term(reseat.NewTerm));
    }

    private static MarkdownRow Holder(MarkdownTable table, string login) =>
        table.Rows.First(r => table.Cell(r, MarkdownColumn.GitHub) is { } cell && Login.Comparer.Equals(MarkdownCells.Login(cell.Text), login));

    /// <summary>A GitHub cell to write new logins like: from this table, else from any marked table of the file.</summary>
    private static string? LoginExample(TextLines lines, MarkdownTable table) =>
        MarkdownTable.Names(lines).Select(name => Table(lines, name)).OfType<MarkdownTable>().Prepend(table)
            .SelectMany(t => t.Rows.Select(r => t.Cell(r, MarkdownColumn.GitHub)?.Text))
            .FirstOrDefault(text => !string.IsNullOrEmpty(text));
}
