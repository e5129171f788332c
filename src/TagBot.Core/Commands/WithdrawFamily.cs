namespace TagBot.Core.Commands;

/// <summary>Withdraws the author's own support or objection.</summary>
/// <param name="Nominee">The login the position was about, without @; null on a proposal.</param>
public sealed record WithdrawCommand(int LineNumber, string Text, string? Nominee)
    : Command(LineNumber, Text);

/// <summary><c>/withdraw</c> on a proposal, <c>/withdraw @user</c> on an election.</summary>
public sealed class WithdrawFamily() : CommandFamily(OnProposal, OnElection)
{
    private static readonly CommandUsage OnProposal = new(
        "withdraw",
        "/withdraw",
        [IssueKind.Proposal],
        "anyone who supported or objected",
        "Withdraws your own support or objection. Anything after the command is ignored.",
        "/withdraw");

    private static readonly CommandUsage OnElection = new(
        "withdraw",
        "/withdraw @user",
        [IssueKind.Election],
        "anyone who supported or objected to the nominee",
        "Withdraws your own support or objection on a nominee.",
        "/withdraw @alice");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        kind == IssueKind.Election
            ? ParseOnElection(line, kind)
            : new WithdrawCommand(line.LineNumber, line.Text, null);

    // Text after the nominee is a remark ("/withdraw @alice, I misread"), but a second mention
    // would be silently ignored, so it is refused instead.
    private Command ParseOnElection(CommandLine line, IssueKind kind)
    {
        var (first, remark) = Words.SplitFirst(line.Arguments);
        if (first.Length == 0)
        {
            return Malformed(line, kind, "Name the nominee your support or objection was about.");
        }

        if (!Mention.TryRead(first, out var nominee, out var problem))
        {
            return Malformed(line, kind, problem);
        }

        return Words.Of(remark).Any(Mention.IsMention)
            ? Malformed(line, kind, "Withdraw from one nominee per line: write one `/withdraw @user` line for each.")
            : new WithdrawCommand(line.LineNumber, line.Text, nominee);
    }
}
