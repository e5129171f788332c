using System.Text.RegularExpressions;

namespace TagBot.Core.Rosters;

/// <summary>The columns TagBot understands, recognised by their header; any other column is <see cref="Other"/>.</summary>
internal enum MarkdownColumn
{
    Other,
    Name,
    GitHub,
    Company,
    Region,
    Term,
    Role,
}

/// <summary>A cell's text (trimmed, Markdown as written) and where that text is in the file.</summary>
internal readonly record struct MarkdownCell(int Start, int End, string Text);

/// <summary>A body row of a table: its 0-based line and its cells.</summary>
internal sealed record MarkdownRow(int Line, IReadOnlyList<MarkdownCell> Cells);

/// <summary>
/// The first table between the lines <c>&lt;!-- tagbot:roster:NAME:start --&gt;</c> and
/// <c>&lt;!-- tagbot:roster:NAME:end --&gt;</c> of a Markdown file. Tables are line-based, so plain line
/// scanning finds them; everything outside the marked tables is never looked at.
/// </summary>
internal sealed partial class MarkdownTable
{
    private readonly List<MarkdownColumn> columns;

    private MarkdownTable(string name, int headerLine, bool pipes, List<MarkdownColumn> columns, IReadOnlyList<MarkdownRow> rows)
    {
        Name = name;
        HeaderLine = headerLine;
        Pipes = pipes;
        this.columns = columns;
        Rows = rows;
    }

    /// <summary>The marker's name: a role id, or <c>emeritus</c>.</summary>
    public string Name { get; }

    public int HeaderLine { get; }

    /// <summary>Whether rows start and end with <c>|</c>, as the header does.</summary>
    public bool Pipes { get; }

    public IReadOnlyList<MarkdownColumn> Columns => columns;

    public IReadOnlyList<MarkdownRow> Rows { get; }

    /// <summary>The line after which a new row goes: the last row, or the delimiter row.</summary>
    public int LastLine => Rows.Count > 0 ? Rows[^1].Line : HeaderLine + 1;

    public static string StartMarker(string name) => $"<!-- tagbot:roster:{name}:start -->";

    public static string EndMarker(string name) => $"<!-- tagbot:roster:{name}:end -->";

    /// <summary>The names of all the marked tables in the file, in order.</summary>
    public static IEnumerable<string> Names(TextLines lines) =>
        Enumerable.Range(0, lines.Count)
            .Select(i => Marker().Match(lines[i].Trim()))
            .Where(m => m.Success && m.Groups["edge"].Value == "start")
            .Select(m => m.Groups["name"].Value);

    /// <summary>The table marked <paramref name="name"/>, or why there is none (with the 0-based line to blame).</summary>
    public static (MarkdownTable? Table, int Line, string? Problem) Find(TextLines lines, string name)
    {
        var starts = MarkerLines(lines, name, "start");
        var ends = MarkerLines(lines, name, "end");
        if (starts.Count == 0)
        {
            return (null, 0, $"no `{StartMarker(name)}` line: put one before the `{name}` table, and `{EndMarker(name)}` after it");
        }
        if (starts.Count > 1 || ends.Count > 1)
        {
            return (null, (starts.Count > 1 ? starts : ends)[1], $"the `{name}` markers appear more than once; keep one pair");
        }
        if (ends.Count == 0 || ends[0] < starts[0])
        {
            return (null, starts[0], $"no `{EndMarker(name)}` line after the start marker");
        }
        var header = Enumerable.Range(starts[0] + 1, ends[0] - starts[0] - 1).FirstOrDefault(i => lines[i].Contains('|', StringComparison.Ordinal), -1);
        if (header < 0 || header + 1 >= ends[0] || !Delimiter().IsMatch(lines[header + 1].Trim()))
        {
            return (null, starts[0], $"no table between the `{name}` markers (a header row, then a row like |---|---|)");
        }
        var rows = new List<MarkdownRow>();
        for (var line = header + 2; line < ends[0] && lines[line].Contains('|', StringComparison.Ordinal); line++)
        {
            rows.Add(new(line, Cells(lines, line)));
        }
        var columns = Cells(lines, header).Select(c => ColumnOf(c.Text)).ToList();
        return (new MarkdownTable(name, header, lines[header].TrimStart().StartsWith('|'), columns, rows), 0, null);
    }

    /// <summary>The row's cell in <paramref name="column"/>, if the table has that column and the row that cell.</summary>
    public MarkdownCell? Cell(MarkdownRow row, MarkdownColumn column)
    {
        var index = IndexOf(column);
        return index >= 0 && index < row.Cells.Count ? row.Cells[index] : null;
    }

    public int IndexOf(MarkdownColumn column) => columns.IndexOf(column);

    /// <summary>
    /// The column the logins are in: GitHub (or Handle, Profile) when the table has one; else Name, whose cells then
    /// link each name to its GitHub profile, as cncf/toc's TAG tables did (<c>| [Lian Li](https://github.com/lianmakesthings) |</c>);
    /// null when the table has neither.
    /// </summary>
    public MarkdownColumn? LoginColumn =>
        IndexOf(MarkdownColumn.GitHub) >= 0 ? MarkdownColumn.GitHub : IndexOf(MarkdownColumn.Name) >= 0 ? MarkdownColumn.Name : null;

    /// <summary>The login of a row, read from <see cref="LoginColumn"/>; null for a vacancy or a name with no profile link.</summary>
    public string? LoginOf(MarkdownRow row) => LoginColumn switch
    {
        MarkdownColumn.GitHub => MarkdownCells.Login(Cell(row, MarkdownColumn.GitHub)?.Text ?? ""),
        MarkdownColumn.Name => MarkdownCells.LinkedLogin(Cell(row, MarkdownColumn.Name)?.Text ?? ""),
        _ => null,
    };

    /// <summary>
    /// Replaces the text of the row's cell in <paramref name="column"/>, keeping its padding; a row shorter than
    /// the header (Markdown reads the missing cells as empty) gets empty cells up to that one.
    /// </summary>
    public string SetCell(TextLines lines, MarkdownRow row, MarkdownColumn column, string value)
    {
        if (Cell(row, column) is { } cell)
        {
            return lines.Replace(cell.Start, cell.End, value);
        }
        var missing = string.Concat(Enumerable.Repeat(" |", IndexOf(column) - row.Cells.Count));
        return lines.Replace(row.Cells[^1].End, row.Cells[^1].End, $"{missing} | {value}");
    }

    /// <summary>
    /// A row with a value (Markdown) for each column, empty for those not given, in this table's pipe style; pipes
    /// in values are escaped.
    /// </summary>
    public string Row(IReadOnlyDictionary<MarkdownColumn, string?> values)
    {
        var cells = Columns.Select(c => UnescapedPipe().Replace(values.GetValueOrDefault(c) ?? "", "\\|"));
        var row = string.Join(" | ", cells);
        return Pipes ? $"| {row} |" : row;
    }

    private static List<int> MarkerLines(TextLines lines, string name, string edge) =>
        [.. Enumerable.Range(0, lines.Count).Where(i => Marker().Match(lines[i].Trim()) is { Success: true } m
            && m.Groups["name"].Value == name && m.Groups["edge"].Value == edge)];

    /// <summary>Splits a row at unescaped pipes; a leading and a trailing pipe open and close it.</summary>
    private static List<MarkdownCell> Cells(TextLines lines, int line)
    {
        var text = lines[line];
        var offset = lines.StartOf(line);
        var cells = new List<MarkdownCell>();
        var start = text.Length - text.TrimStart().Length;
        if (start < text.Length && text[start] == '|')
        {
            start++;
        }
        for (var i = start; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '\\')
            {
                i++;
            }
            else if (i == text.Length || text[i] == '|')
            {
                var raw = text[start..i];
                var lead = raw.Length - raw.TrimStart().Length;
                if (i < text.Length || raw.Trim().Length > 0)
                {
                    cells.Add(new(offset + start + lead, offset + start + lead + raw.Trim().Length, raw.Trim()));
                }
                start = i + 1;
            }
        }
        return cells;
    }

    private static MarkdownColumn ColumnOf(string header) => header.Trim('*', '_', ' ').ToUpperInvariant() switch
    {
        "NAME" => MarkdownColumn.Name,
        "GITHUB" or "HANDLE" or "GITHUB HANDLE" or "GITHUB ID" or "PROFILE" => MarkdownColumn.GitHub,
        "COMPANY" or "ORGANIZATION" or "ORGANISATION" or "AFFILIATION" => MarkdownColumn.Company,
        "REGION" => MarkdownColumn.Region,
        "TERM" => MarkdownColumn.Term,
        "ROLE" => MarkdownColumn.Role,
        _ => MarkdownColumn.Other,
    };

    [GeneratedRegex(@"^<!--\s*tagbot:roster:(?<name>[^:\s]+):(?<edge>start|end)\s*-->$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$")]
    private static partial Regex Delimiter();
}
