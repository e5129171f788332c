using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

public class DecideFamilyTests
{
    private static readonly DecideFamily Family = new();

    [Theory]
    [InlineData("/decide accept", Decision.Accept, null)]
    [InlineData("/decide ACCEPT", Decision.Accept, null)]
    [InlineData("/decide Reject", Decision.Reject, null)]
    [InlineData("/decide reject out of scope for the group", Decision.Reject, "out of scope for the group")]
    [InlineData("/decide accept, agreed on the call", Decision.Accept, "agreed on the call")]
    [InlineData("/decide accept.", Decision.Accept, null)]
    public void Reads_the_decision_and_the_optional_reason(string line, Decision decision, string? reason)
    {
        var command = Parse<DecideCommand>(Family, line, IssueKind.Proposal);

        Assert.Equal((decision, reason), (command.Decision, command.Reason));
    }

    [Theory]
    [InlineData("/decide", "Say whether the proposal is accepted or rejected.")]
    [InlineData("/decide approve it", "`approve` is not a decision: write `accept` or `reject`.")]
    [InlineData("/decide acceptance", "`acceptance` is not a decision: write `accept` or `reject`.")]
    public void Needs_accept_or_reject(string line, string problem)
    {
        var malformed = Malformed(Family, line, IssueKind.Proposal);

        Assert.Equal(problem, malformed.Problem);
        Assert.StartsWith("Write `/decide accept|reject [reason]`, for example `/decide accept ", malformed.Usage);
    }
}
