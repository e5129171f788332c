namespace TagBot.Core.Commands;

/// <summary>A chair closes an election.</summary>
public sealed record CloseElectionCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary><c>/close-election</c>. Anything after the verb is a remark.</summary>
public sealed class CloseElectionFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "close-election",
        "/close-election",
        [IssueKind.Election],
        "chairs",
        "Closes the election: tallies the positions, posts the result and opens the roster pull request.",
        "/close-election");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        new CloseElectionCommand(line.LineNumber, line.Text);
}
