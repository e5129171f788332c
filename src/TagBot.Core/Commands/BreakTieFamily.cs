namespace TagBot.Core.Commands;

/// <summary>A chair resolves a tie at the cut-off.</summary>
/// <param name="Nominee">The login who takes the tied seat, without @.</param>
public sealed record BreakTieCommand(int LineNumber, string Text, string Nominee) : Command(LineNumber, Text);

/// <summary><c>/break-tie @user</c>. Text after the nominee is a remark, but not another mention.</summary>
public sealed class BreakTieFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "break-tie",
        "/break-tie @user",
        [IssueKind.Election],
        "chairs, while the election is tied",
        "Resolves a tie at the cut-off in favour of @user.",
        "/break-tie @alice");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        Mention.TryReadOne(line.Arguments, "who takes the tied seat", out var nominee, out var problem)
            ? new BreakTieCommand(line.LineNumber, line.Text, nominee)
            : Malformed(line, kind, problem);
}
