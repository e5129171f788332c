using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TagBot.Core.Commands;

namespace TagBot.Core.Tests.Commands;

public class CommandParserProperties
{
    // Random strings almost never start a line with a slash, so most bodies are built from the
    // pieces that matter to the parser: commands, line ends, indents and Markdown containers.
    private static readonly Arbitrary<string> MarkdownLikeBodies = Gen.Elements(
            "/support", "/object reason", "/SUPPORT +1", "/close-election", "/x", "/", "／support", "@alice",
            "\n", "\r\n", "\r", "\n\n", " ", "    ", "\t", "> ", "- ", "1. ", "```", "~~~", "`", "<!--", "-->",
            "<details>", "---", "===", "# ", "|", "[a](", ")", "*", "\\", "word", "ü", "\u00A0", "\0")
        .ArrayOf()
        .Select(string.Concat)
        .ToArbitrary();

    [Property]
    public void Parse_never_throws_on_any_string(NonNull<string> body) =>
        CommandParser.Parse(body.Get);

    [Property]
    public Property Parse_never_throws_on_markdown_like_bodies() =>
        Prop.ForAll(MarkdownLikeBodies, body => CommandParser.Parse(body));

    [Property]
    public Property Every_line_number_points_at_a_line_starting_with_its_verb() =>
        Prop.ForAll(MarkdownLikeBodies, PointsAtItsLines);

    private static bool PointsAtItsLines(string body)
    {
        var lines = Regex.Split(body, "\r\n|\r|\n");
        return CommandParser.Parse(body).All(command =>
            lines[command.LineNumber - 1].TrimStart().StartsWith("/" + command.Verb, StringComparison.OrdinalIgnoreCase));
    }
}
