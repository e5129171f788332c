namespace TagBot.Core.Commands;

/// <summary>A chair opens the secret ballot before the nominations deadline.</summary>
public sealed record OpenVotingCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary>
/// <c>/open-voting</c>: with <c>elections.ballot: secret</c>, ends nominations and opens the ballot page, freezing
/// the candidate list. Without a nominations deadline it is how voting opens. Anything after the verb is a remark.
/// </summary>
public sealed class OpenVotingFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "open-voting",
        "/open-voting",
        [IssueKind.Election],
        "chairs",
        "With secret ballots: closes nominations and opens the ballot page; the candidates electable at that moment are the ones on the ballot.",
        "/open-voting");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        new OpenVotingCommand(line.LineNumber, line.Text);
}
