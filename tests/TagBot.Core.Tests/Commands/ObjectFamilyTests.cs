using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class ObjectFamilyTests
{
    private static readonly ObjectFamily Family = new();

    [Theory]
    [InlineData("/object too long", "too long")]
    [InlineData("/object @alice's point stands", "@alice's point stands")]
    [InlineData("/object 任期が長すぎる — trop long 🙅", "任期が長すぎる — trop long 🙅")]
    public void On_a_proposal_the_whole_rest_is_the_reason(string line, string reason)
    {
        var command = Parse<ObjectCommand>(Family, line, IssueKind.Proposal);

        Assert.Equal((null, reason), (command.Nominee, command.Reason));
    }

    [Fact]
    public void On_a_proposal_a_reason_is_required()
    {
        var malformed = Malformed(Family, "/object", IssueKind.Proposal);

        Assert.Contains("needs a reason", malformed.Problem);
        Assert.StartsWith("Write `/object <reason>`, for example `/object ", malformed.Usage);
    }

    [Theory]
    [InlineData("/object @alice not active", "alice", "not active")]
    [InlineData("/object @alice, not active", "alice", "not active")]
    [InlineData("/object @Alice  too   busy ", "Alice", "too   busy")]
    public void On_an_election_reads_the_nominee_then_the_reason(string line, string nominee, string reason)
    {
        var command = Parse<ObjectCommand>(Family, line, IssueKind.Election);

        Assert.Equal((nominee, reason), (command.Nominee, command.Reason));
    }

    [Theory]
    [InlineData("/object", "Name the nominee")]
    [InlineData("/object @alice", "An objection needs a reason: say after `@alice` why")]
    [InlineData("/object alice is lazy", "`alice` is not a mention: write `@alice`.")]
    [InlineData("/object @a$b reason", "`@a$b` is not a valid GitHub login")]
    public void On_an_election_a_nominee_and_a_reason_are_required(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Election);

        Assert.StartsWith(problem, malformed.Problem);
        Assert.StartsWith("Write `/object @user <reason>`, for example `/object @alice ", malformed.Usage);
    }
}
