using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class WithdrawFamilyTests
{
    private static readonly WithdrawFamily Family = new();

    [Theory]
    [InlineData("/withdraw")]
    [InlineData("/withdraw sorry, I misread")]
    [InlineData("/withdraw @alice")]
    public void On_a_proposal_anything_after_the_verb_is_a_remark(string line) =>
        Assert.Null(Parse<WithdrawCommand>(Family, line, IssueKind.Proposal).Nominee);

    [Theory]
    [InlineData("/withdraw @alice")]
    [InlineData("/withdraw @alice, I misread")]
    public void On_an_election_reads_the_nominee(string line) =>
        Assert.Equal("alice", Parse<WithdrawCommand>(Family, line, IssueKind.Election).Nominee);

    [Theory]
    [InlineData("/withdraw", "Name the nominee")]
    [InlineData("/withdraw alice", "`alice` is not a mention: write `@alice`.")]
    [InlineData("/withdraw @alice @bob", "Name one nominee only: the one your support or objection was about.")]
    public void On_an_election_exactly_one_nominee_is_required(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Election);

        Assert.StartsWith(problem, malformed.Problem);
        Assert.Equal("Write `/withdraw @user`, for example `/withdraw @alice`.", malformed.Usage);
    }
}
