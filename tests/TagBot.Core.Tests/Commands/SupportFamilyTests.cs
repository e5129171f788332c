using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class SupportFamilyTests
{
    private static readonly SupportFamily Family = new();

    [Theory]
    [InlineData("/support")]
    [InlineData("/support +1 great idea")]
    [InlineData("/support @alice")]
    public void On_a_proposal_anything_after_the_verb_is_a_remark(string line) =>
        Assert.Empty(Parse<SupportCommand>(Family, line, IssueKind.Proposal).Nominees);

    [Fact]
    public void Keeps_where_the_line_came_from()
    {
        var command = Parse<SupportCommand>(Family, "  /support +1  ", IssueKind.Proposal);

        Assert.Equal((1, "/support +1"), (command.LineNumber, command.Text));
    }

    [Theory]
    [InlineData("/support @alice", new[] { "alice" })]
    [InlineData("/support @alice @Bob", new[] { "alice", "Bob" })]
    [InlineData("/support @alice, @bob.", new[] { "alice", "bob" })]
    [InlineData("/support @alice @ALICE @bob", new[] { "alice", "bob" })]
    [InlineData("/support @dependabot[bot]", new[] { "dependabot[bot]" })]
    public void On_an_election_reads_every_mentioned_nominee(string line, string[] nominees) =>
        Assert.Equal(nominees, Parse<SupportCommand>(Family, line, IssueKind.Election).Nominees);

    [Fact]
    public void On_an_election_a_nominee_is_required()
    {
        var malformed = Malformed(Family, "/support", IssueKind.Election);

        Assert.Contains("at least one nominee", malformed.Problem);
        Assert.Equal("Write `/support @user...`, for example `/support @alice @bob`.", malformed.Usage);
        Assert.Equal(("support", "/support", 1), (malformed.Verb, malformed.Text, malformed.LineNumber));
    }

    [Fact]
    public void On_an_election_a_bare_login_is_refused_with_the_fix() =>
        Assert.Equal(
            "`alice` is not a mention: write `@alice`.",
            Malformed(Family, "/support alice", IssueKind.Election).Problem);

    [Theory]
    [InlineData("/support @alice and @bob", "`and` is not a mention")]
    [InlineData("/support @alice +1", "`+1` is not an @mention")]
    [InlineData("/support @al!ce", "`@al!ce` is not a valid GitHub login")]
    public void On_an_election_every_word_must_be_a_mention(string line, string problem) =>
        Assert.StartsWith(problem, Malformed(Family, line, IssueKind.Election).Problem);
}
