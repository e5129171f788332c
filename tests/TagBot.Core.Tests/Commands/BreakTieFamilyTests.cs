using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class BreakTieFamilyTests
{
    private static readonly BreakTieFamily Family = new();

    [Theory]
    [InlineData("/break-tie @alice")]
    [InlineData("/break-tie @alice, nominated first")]
    public void Reads_the_nominee(string line) =>
        Assert.Equal("alice", Parse<BreakTieCommand>(Family, line, IssueKind.Election).Nominee);

    [Theory]
    [InlineData("/break-tie", "Name the nominee who takes the tied seat.")]
    [InlineData("/break-tie @alice @bob", "Name one nominee only: the one who takes the tied seat.")]
    [InlineData("/break-tie alice", "`alice` is not a mention: write `@alice`.")]
    public void Needs_exactly_one_mention(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Election);

        Assert.Equal(problem, malformed.Problem);
        Assert.Equal("Write `/break-tie @user`, for example `/break-tie @alice`.", malformed.Usage);
    }
}
