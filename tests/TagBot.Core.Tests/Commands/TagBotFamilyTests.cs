using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class TagBotFamilyTests
{
    private static readonly TagBotFamily Family = new();

    [Theory]
    [InlineData(IssueKind.Proposal)]
    [InlineData(IssueKind.Election)]
    [InlineData(IssueKind.Other)]
    public void Help_and_status_work_on_any_issue(IssueKind kind)
    {
        Assert.IsType<HelpCommand>(Family.Parse(Assert.Single(CommandParser.Parse("/tagbot help")), kind));
        Assert.IsType<StatusCommand>(Family.Parse(Assert.Single(CommandParser.Parse("/tagbot status")), kind));
    }

    [Theory]
    [InlineData("/TagBot HELP")]
    [InlineData("/tagbot help please")]
    [InlineData("/tagbot help!")]
    public void The_subcommand_is_case_insensitive_and_may_be_followed_by_a_remark(string line) =>
        Parse<HelpCommand>(Family, line, IssueKind.Other);

    [Theory]
    [InlineData("/tagbot", "Say what TagBot should do: `help` or `status`.")]
    [InlineData("/tagbot vote", "TagBot does not know `vote`: it understands `help` and `status`.")]
    public void Needs_help_or_status(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Other);

        Assert.Equal(problem, malformed.Problem);
        Assert.Equal("Write `/tagbot help` or `/tagbot status`.", malformed.Usage);
    }
}
