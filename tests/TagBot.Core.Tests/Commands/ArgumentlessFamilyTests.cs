using TagBot.Core.Commands;
using static TagBot.Core.Tests.Commands.Parsing;

namespace TagBot.Core.Tests.Commands;

/// <summary>Commands that take no arguments: anything after the verb is a remark.</summary>
public class ArgumentlessFamilyTests
{
    [Theory]
    [InlineData(IssueKind.Proposal)]
    [InlineData(IssueKind.Election)]
    public void Triage(IssueKind kind)
    {
        Parse<TriageCommand>(new TriageFamily(), "/triage", kind);
        Parse<TriageCommand>(new TriageFamily(), "/triage looks in scope", kind);
    }

    [Theory]
    [InlineData("/accept")]
    [InlineData("/ACCEPT thank you!")]
    public void Accept(string line) => Parse<AcceptCommand>(new ConsentFamily(), line, IssueKind.Election);

    [Theory]
    [InlineData("/decline")]
    [InlineData("/Decline not this year")]
    public void Decline(string line) => Parse<DeclineCommand>(new ConsentFamily(), line, IssueKind.Election);

    [Theory]
    [InlineData("/close-election")]
    [InlineData("/close-election as announced")]
    public void Close_election(string line) =>
        Parse<CloseElectionCommand>(new CloseElectionFamily(), line, IssueKind.Election);
}
