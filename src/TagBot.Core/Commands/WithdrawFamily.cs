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

    private Command ParseOnElection(CommandLine line, IssueKind kind) =>
        Mention.TryReadOne(line.Arguments, "your support or objection was about", out var nominee, out var problem)
            ? new WithdrawCommand(line.LineNumber, line.Text, nominee)
            : Malformed(line, kind, problem);
}
