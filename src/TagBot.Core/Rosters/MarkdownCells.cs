using System.Globalization;
using System.Text.RegularExpressions;
using TagBot.Core.Status;

namespace TagBot.Core.Rosters;

/// <summary>How roster tables write logins, terms and roles in their cells.</summary>
internal static partial class MarkdownCells
{
    /// <summary>
    /// The login in a GitHub cell: <c>alice</c>, <c>@alice</c>, <c>[@alice](https://github.com/alice)</c> or
    /// <c>[alice](…)</c>; null for an empty cell.
    /// </summary>
    public static string? Login(string cell)
    {
        var text = Link().Match(cell) is { Success: true } link ? link.Groups["text"].Value : cell;
        text = text.Trim().TrimStart('@');
        return text.Length == 0 ? null : text;
    }

    /// <summary><paramref name="login"/> written like <paramref name="example"/>, another login's cell (<c>@login</c> without one).</summary>
    public static string LoginLike(string? example, string login)
    {
        var link = example is null ? null : Link().Match(example);
        var shown = link is { Success: true } ? link.Groups["text"].Value : example;
        var text = (shown is null || shown.TrimStart().StartsWith('@') ? "@" : "") + login;
        return link is { Success: true } ? $"[{text}](https://github.com/{login})" : text;
    }

    /// <summary><c>YYYY-MM-DD – YYYY-MM-DD</c>, with an en dash.</summary>
    public static string Term(Term term) =>
        $"{Dates.Day(term.Start)} – {Dates.Day(term.End)}";

    /// <summary>A term cell, with an en dash, em dash or hyphen between the dates; false when it is none.</summary>
    public static bool TryTerm(string cell, out Term? term)
    {
        term = null;
        if (cell.Length == 0)
        {
            return true;
        }
        if (TermPattern().Match(cell) is not { Success: true } match
            || !Dates.TryParseDay(match.Groups["start"].Value, out var start)
            || !Dates.TryParseDay(match.Groups["end"].Value, out var end)
            || end <= start)
        {
            return false;
        }
        term = new Term(start, end);
        return true;
    }

    /// <summary>A role id as people write it in a Role cell: <c>tech_lead</c> → <c>Tech Lead</c>.</summary>
    public static string RoleTitle(string role) =>
        string.Join(' ', role.Split('_', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>The role id of a Role cell: <c>Tech Lead</c> → <c>tech_lead</c>; null for an empty cell.</summary>
    public static string? RoleId(string cell) =>
        cell.Trim().Length == 0 ? null : Spaces().Replace(cell.Trim(), "_").ToLowerInvariant();

    [GeneratedRegex(@"^\[(?<text>[^\]]*)\]\([^)]*\)$")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?<start>\d{4}-\d{2}-\d{2})\s*(?:–|—|-{1,2})\s*(?<end>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();
}
