using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TagBot.Core.Commands;

/// <summary>
/// Finds the command lines of a comment body. Pure: the same body always gives the same lines.
/// </summary>
/// <remarks>
/// A command line must pass two tests, each closing a different loophole:
/// <list type="number">
/// <item>
/// Its own source text starts with <c>/verb</c> after optional spaces or tabs, the verb being ASCII
/// letters and hyphens followed by whitespace or the end of the line. Judging the line's own text
/// means a container marker disqualifies it: <c>&gt; /support</c> quotes someone and
/// <c>- /support</c> is a list item. It also means Markdown's lazy continuation cannot hide a
/// command: in <c>I agree\n/support</c>, or under a quote or list item, the second line still
/// starts with the slash, and that is what its author sees while typing.
/// </item>
/// <item>
/// Markdown reads that slash as plain text: it starts a literal run of a paragraph or heading.
/// This excludes everything GitHub does not show as text: fenced and indented code, HTML blocks
/// and comments (inline comments spanning lines too), code spans and link destinations.
/// </item>
/// </list>
/// Unknown verbs are returned too: <see cref="CommandReader"/> drops them against the catalogue.
/// </remarks>
public static partial class CommandParser
{
    // CommonMark only. Extensions that add block structure (pipe tables, above all) would turn a
    // command typed right under a table into a table row and silently drop it.
    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    private static readonly char[] LineEnds = ['\r', '\n'];

    // \s after the verb: "/support," or "/support!" are prose, not commands. Underscores are read so that
    // "/close_election" can be answered with the verb it misses.
    [GeneratedRegex(@"^[ \t]*/(?<verb>[A-Za-z][A-Za-z_-]*)(?:\s(?<arguments>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandShape();

    /// <summary>The command lines of <paramref name="body"/>, in body order.</summary>
    public static IReadOnlyList<CommandLine> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var candidates = Candidates(body).ToList();
        if (candidates.Count == 0)
        {
            return []; // most comments: no need to parse the Markdown at all
        }

        var plainTextStarts = PlainTextStarts(body);
        return candidates
            .Where(candidate => plainTextStarts.Contains(candidate.SlashOffset))
            .Select(candidate => candidate.Line)
            .ToList();
    }

    // Markdig refuses a document nested deeper than 128 levels. No genuine comment is; and with its
    // structure unknown, no line can be shown to be outside code or quotes, so it has no commands.
    private static HashSet<int> PlainTextStarts(string body)
    {
        try
        {
            return Markdown.Parse(body, Pipeline)
                .Descendants<LiteralInline>()
                .Select(literal => literal.Span.Start)
                .ToHashSet();
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    private static IEnumerable<(CommandLine Line, int SlashOffset)> Candidates(string body)
    {
        var lineNumber = 0;
        foreach (var (text, start) in SourceLines(body))
        {
            lineNumber++;
            var match = CommandShape().Match(text);
            if (!match.Success)
            {
                continue;
            }

            var verb = match.Groups["verb"];
            var line = new CommandLine(
                verb.Value.ToLowerInvariant(),
                match.Groups["arguments"].Value.Trim(),
                lineNumber,
                text.Trim());
            yield return (line, start + verb.Index - 1);
        }
    }

    // Lines as CommonMark (and so Markdig) splits them: at \r\n, \n or a lone \r.
    private static IEnumerable<(string Text, int Start)> SourceLines(string body)
    {
        var start = 0;
        int end;
        while ((end = body.IndexOfAny(LineEnds, start)) >= 0)
        {
            yield return (body[start..end], start);
            start = end + (body[end] == '\r' && end + 1 < body.Length && body[end + 1] == '\n' ? 2 : 1);
        }

        yield return (body[start..], start);
    }
}
