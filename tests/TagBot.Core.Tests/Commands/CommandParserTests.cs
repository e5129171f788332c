using TagBot.Core.Commands;

namespace TagBot.Core.Tests.Commands;

public class CommandParserTests
{
    private static IEnumerable<int> LinesOf(string body) => CommandParser.Parse(body).Select(c => c.LineNumber);

    [Fact]
    public void Reads_verb_arguments_line_and_text()
    {
        var command = Assert.Single(CommandParser.Parse("/object   too long   "));

        Assert.Equal(new CommandLine("object", "too long", 1, "/object   too long"), command);
    }

    [Theory]
    [InlineData("/SUPPORT")]
    [InlineData("/Support")]
    [InlineData("/sUpPoRt")]
    public void Verbs_are_case_insensitive(string body) =>
        Assert.Equal("support", Assert.Single(CommandParser.Parse(body)).Verb);

    [Theory]
    [InlineData(" /support")]
    [InlineData("  /support")]
    [InlineData("   /support")]
    public void Up_to_three_leading_spaces_are_allowed(string body) =>
        Assert.Equal("support", Assert.Single(CommandParser.Parse(body)).Verb);

    [Theory]
    [InlineData("    /support")]
    [InlineData("\t/support")]
    [InlineData("  \t/support")]
    [InlineData("text\n\n    /support")]
    public void Four_columns_of_indent_make_indented_code(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("I agree\n    /support")]
    [InlineData("I agree\n\t/support")]
    public void A_deeply_indented_line_continuing_a_paragraph_is_a_command(string body) =>
        // Indented code cannot interrupt a paragraph, so GitHub shows this line as text.
        Assert.Equal([2], LinesOf(body));

    [Fact]
    public void A_tab_separates_the_verb_from_its_arguments()
    {
        var command = Assert.Single(CommandParser.Parse("/object\tterms\tare too long"));

        Assert.Equal(("object", "terms\tare too long"), (command.Verb, command.Arguments));
    }

    [Theory]
    [InlineData("/support,")]
    [InlineData("/support!")]
    [InlineData("/support/object")]
    [InlineData("/ support")]
    [InlineData("/")]
    [InlineData("/1support")]
    [InlineData("//support")]
    [InlineData("/-support")]
    [InlineData("\\/support")]
    [InlineData("please /support")]
    public void Prose_that_merely_contains_a_slash_is_not_a_command(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("/close-election", "close-election")]
    [InlineData("/break-tie @alice", "break-tie")]
    public void Verbs_may_contain_hyphens(string body, string verb) =>
        Assert.Equal(verb, Assert.Single(CommandParser.Parse(body)).Verb);

    [Fact]
    public void Unknown_verbs_are_returned_for_the_catalogue_to_filter() =>
        Assert.Equal(["lgtm", "assign"], CommandParser.Parse("/lgtm\n/assign @me").Select(c => c.Verb));

    [Theory]
    [InlineData("\uFF0Fsupport")] // full-width solidus
    [InlineData("\u2215support")] // division slash
    [InlineData("/\u0455upport")] // Cyrillic dze looks like s
    [InlineData("/sup\u0440\u043Ert")] // Cyrillic er and o
    [InlineData("\u00A0/support")] // a no-break space is not indentation
    public void Look_alike_characters_do_not_make_a_command(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void Unicode_arguments_are_kept_as_written()
    {
        const string reason = "日本語の理由 — ça ne va pas ✅ 👍🏽";

        Assert.Equal(reason, Assert.Single(CommandParser.Parse($"/object {reason}")).Arguments);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_separates_lines(string newline)
    {
        var body = string.Join(newline, "hello", "/support", "/object too long", "") + newline;

        var commands = CommandParser.Parse(body);

        Assert.Equal([(2, "support", ""), (3, "object", "too long")], commands.Select(c => (c.LineNumber, c.Verb, c.Arguments)));
    }

    [Fact]
    public void Mixed_line_endings_count_lines_as_markdown_does() =>
        Assert.Equal([2, 3, 5], LinesOf("a\r\n/support\r/object x\n\r\n/withdraw"));

    [Fact]
    public void Line_numbers_count_blank_lines() =>
        Assert.Equal([3], LinesOf("\n\n/support"));

    [Fact]
    public void Text_is_the_trimmed_line() =>
        Assert.Equal("/support great idea", Assert.Single(CommandParser.Parse("  /support great idea  \t")).Text);

    [Fact]
    public void Several_commands_in_one_comment_come_in_body_order()
    {
        const string body = """
            Thanks for writing this up.

            /support
            /object @alice not active this year
            Some closing words.
            /tagbot status
            """;

        Assert.Equal(["support", "object", "tagbot"], CommandParser.Parse(body).Select(c => c.Verb));
    }

    [Fact]
    public void The_same_verb_twice_gives_two_lines() =>
        Assert.Equal([1, 2], LinesOf("/support\n/support"));

    [Fact]
    public void A_command_right_under_a_paragraph_line_is_a_command() =>
        // Markdown joins the two lines into one paragraph; the author still started a line with it.
        Assert.Equal([2], LinesOf("I agree\n/support"));

    [Theory]
    [InlineData("```\n/support\n```")]
    [InlineData("```bash\n/support\n```")]
    [InlineData("~~~\n/support\n~~~")]
    [InlineData("````\n/support\n```\n/object x\n````")]
    [InlineData("```\n/support")] // an unclosed fence runs to the end
    [InlineData("  ```\n  /support\n  ```")]
    public void Fenced_code_hides_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void A_command_after_a_closed_fence_counts() =>
        Assert.Equal([4], LinesOf("```\n/support\n```\n/object reason"));

    [Theory]
    [InlineData("> /support")]
    [InlineData(">/support")]
    [InlineData("> > /support")]
    [InlineData("  > /support")]
    [InlineData("> I agree\n> /support")]
    public void Quoted_commands_do_not_count(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void A_line_without_a_quote_marker_under_a_quote_is_a_command() =>
        // Markdown continues the quote lazily, but the author did not quote this line.
        Assert.Equal([2], LinesOf("> Should we cap seats per region?\n/support"));

    [Theory]
    [InlineData("<!-- /support -->")]
    [InlineData("<!--\n/support\n-->")]
    [InlineData("<!-- draft:\n/support\n/object x -->")]
    [InlineData("I would say <!-- /support --> later")]
    [InlineData("I would say <!--\n/support\n--> later")]
    public void Html_comments_hide_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void A_command_after_a_closed_html_comment_counts() =>
        Assert.Equal([2], LinesOf("<!-- note to self -->\n/support"));

    [Fact]
    public void A_raw_html_block_hides_commands_up_to_the_next_blank_line()
    {
        Assert.Empty(CommandParser.Parse("<details>\n/support\n</details>"));
        Assert.Equal([3], LinesOf("<details>\n\n/support\n\n</details>"));
    }

    [Theory]
    [InlineData("`/support`")]
    [InlineData("see `x\n/support` y")]
    [InlineData("``\n/support\n``")]
    public void Code_spans_hide_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("- /support")]
    [InlineData("* /support")]
    [InlineData("+ /support")]
    [InlineData("1. /support")]
    [InlineData("1) /support")]
    [InlineData("- [ ] /support")]
    public void List_items_are_not_commands_because_the_line_starts_with_a_marker(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("- item\n/support")]
    [InlineData("- item\n  /support")]
    [InlineData("- item\n\n  /support")]
    public void A_line_starting_with_the_slash_inside_a_list_item_is_a_command(string body) =>
        Assert.Single(CommandParser.Parse(body));

    [Fact]
    public void Indented_code_inside_a_list_item_hides_commands() =>
        Assert.Empty(CommandParser.Parse("- item\n\n      /support"));

    [Theory]
    [InlineData("/support\n---")]
    [InlineData("/support\n===")]
    public void A_command_turned_into_a_setext_heading_by_the_next_line_still_counts(string body) =>
        Assert.Equal([1], LinesOf(body));

    [Fact]
    public void An_atx_heading_starts_with_a_hash_not_a_slash() =>
        Assert.Empty(CommandParser.Parse("# /support"));

    [Fact]
    public void A_command_right_under_a_table_counts() =>
        // Tables are not parsed (CommonMark only), so this line cannot become a table row.
        Assert.Equal([3], LinesOf("| seats | region |\n|---|---|\n/support"));

    [Theory]
    [InlineData("[ref]:\n/support")]
    [InlineData("[see](\n/support)")]
    public void A_link_destination_is_not_text(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \n\t\r\n  \r")]
    public void Blank_bodies_have_no_commands(string body) =>
        Assert.Empty(CommandParser.Parse(body));

    [Fact]
    public void A_64_KB_body_keeps_commands_at_start_middle_and_end()
    {
        const int fillerLines = 600;
        var filler = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, *consectetur* `adipiscing`.\n", fillerLines));
        var body = $"/support\n{filler}\n/object in the middle\n\n{filler}/withdraw";
        Assert.True(body.Length >= 64 * 1024);

        var commands = CommandParser.Parse(body);

        Assert.Equal(["support", "object", "withdraw"], commands.Select(c => c.Verb));
        Assert.Equal([1, fillerLines + 3, (2 * fillerLines) + 5], commands.Select(c => c.LineNumber));
    }

    [Fact]
    public void A_body_nested_too_deeply_for_markdig_has_no_commands() =>
        Assert.Empty(CommandParser.Parse(new string('>', 200) + " x\n\n/support"));
}
