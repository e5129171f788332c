using System.Globalization;
using System.Text.RegularExpressions;
using TagBot.Core.Status;

namespace TagBot.Core.Rosters;

/// <summary>How roster tables write logins, terms and roles in their cells.</summary>
internal static partial class MarkdownCells
{
    /// <summary>
    /// The login in a GitHub cell as people write it: <c>alice</c>, <c>@alice</c>, <c>[@alice](https://github.com/alice)</c>,
    /// <c>[alice](…)</c>, any of them bold or italic (<c>**[@alice](…)**</c>); null for an empty cell. A link to a
    /// GitHub profile gives the profile's login, whatever its text says, since that is whom the table points to.
    /// </summary>
    public static string? Login(string cell)
    {
        var text = Plain(cell);
        if (Link().Match(Unemphasized(cell)) is { Success: true } link)
        {
            text = ProfileLogin(link.Groups["url"].Value) ?? text;
        }
        text = text.TrimStart('@');
        return text.Length == 0 ? null : text;
    }

    /// <summary>The login of a cell that links to a GitHub profile (<c>[Lian Li](https://github.com/lianmakesthings)</c>), else null.</summary>
    public static string? LinkedLogin(string cell) =>
        Link().Match(Unemphasized(cell)) is { Success: true } link ? ProfileLogin(link.Groups["url"].Value) : null;

    /// <summary>A cell's text as a reader sees it: without emphasis, and a link's text without its address.</summary>
    public static string Plain(string cell)
    {
        var text = Unemphasized(cell);
        return (Link().Match(text) is { Success: true } link ? Unemphasized(link.Groups["text"].Value) : text).Trim();
    }

    /// <summary><paramref name="login"/> written like <paramref name="example"/>, another login's cell (<c>@login</c> without one).</summary>
    public static string LoginLike(string? example, string login)
    {
        var (open, inner, close) = Emphasis(example ?? "");
        var link = Link().Match(inner);
        var shown = link.Success ? Unemphasized(link.Groups["text"].Value) : inner;
        var text = (example is null || shown.TrimStart().StartsWith('@') ? "@" : "") + login;
        return open + (link.Success ? $"[{text}](https://github.com/{login})" : text) + close;
    }

    /// <summary><paramref name="text"/> (a name, a company) in the emphasis of <paramref name="example"/>, the cell above it.</summary>
    public static string? TextLike(string? example, string? text)
    {
        var (open, _, close) = Emphasis(example ?? "");
        return text is null ? null : open + text + close;
    }

    /// <summary>
    /// A name linked to <paramref name="login"/>'s GitHub profile, <c>[Lian Li](https://github.com/lianmakesthings)</c>, in the
    /// emphasis of <paramref name="example"/>: for tables whose Name column is where the logins are.
    /// </summary>
    public static string ProfileLinkLike(string? example, string? name, string login) =>
        TextLike(example, $"[{name ?? login}](https://github.com/{login})")!;

    /// <summary>The text inside <c>**…**</c>, <c>__…__</c>, <c>*…*</c> or <c>_…_</c> (nested too).</summary>
    private static string Unemphasized(string cell) => Emphasis(cell).Inner;

    private static (string Open, string Inner, string Close) Emphasis(string cell)
    {
        var text = cell.Trim();
        var open = "";
        while (EmphasisPattern().Match(text) is { Success: true } match)
        {
            open += match.Groups["mark"].Value;
            text = match.Groups["inner"].Value;
        }
        return (open, text, new string([.. open.Reverse()]));
    }

    /// <summary>The login of <c>https://github.com/LOGIN</c> (http, www, a trailing slash allowed); null for any other address.</summary>
    private static string? ProfileLogin(string url) => Profile().Match(url.Trim()) is { Success: true } m ? m.Groups["login"].Value : null;

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

    [GeneratedRegex(@"^\[(?<text>[^\]]*)\]\((?<url>[^)]*)\)$")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?<mark>\*\*|__|\*|_)(?<inner>.+)\k<mark>$")]
    private static partial Regex EmphasisPattern();

    [GeneratedRegex(@"^https?://(?:www\.)?github\.com/(?<login>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Profile();

    [GeneratedRegex(@"^(?<start>\d{4}-\d{2}-\d{2})\s*(?:–|—|-{1,2})\s*(?<end>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\s-]+")]
    private static partial Regex Spaces();
}
