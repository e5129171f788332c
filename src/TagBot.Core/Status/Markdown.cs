namespace TagBot.Core.Status;

/// <summary>Small, safe markdown pieces: user text is quoted so it cannot break the layout.</summary>
public static class Markdown
{
    public static string Mention(string login) => new Rosters.Login(login).Mention;

    public static string Link(string text, string url) => $"[{Escape(text)}]({url})";

    /// <summary>Inline code that survives backticks inside the text.</summary>
    public static string Code(string text)
    {
        var fence = text.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        var close = fence == "`" ? "`" : " ``";
        return fence + text.Replace('\n', ' ') + close;
    }

    /// <summary>Escapes characters that would start markup in a table cell or list item.</summary>
    public static string Escape(string text)
    {
        var single = text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
        var builder = new System.Text.StringBuilder(single.Length);
        foreach (var c in single)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Date(DateTimeOffset at) => Dates.Moment(at);
}
