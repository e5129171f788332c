namespace TagBot.Core.Commands;

/// <summary>An objection to a proposal, or to one nominee of an election.</summary>
/// <param name="Nominee">The login objected to, without @; null on a proposal.</param>
/// <param name="Reason">Why, as written; never empty.</param>
public sealed record ObjectCommand(int LineNumber, string Text, string? Nominee, string Reason)
    : Command(LineNumber, Text);

/// <summary>
/// <c>/object &lt;reason&gt;</c> on a proposal, <c>/object @user &lt;reason&gt;</c> on an
/// election. The reason is required: an objection nobody can address only blocks.
/// </summary>
public sealed class ObjectFamily() : CommandFamily(OnProposal, OnElection)
{
    private static readonly CommandUsage OnProposal = new(
        "object",
        "/object <reason>",
        [IssueKind.Proposal],
        "anyone; binding if you are a voter",
        "Objects to the proposal. The reason is required, so the author can address it.",
        "/object two-year terms are too long for a first election");

    private static readonly CommandUsage OnElection = new(
        "object",
        "/object @user <reason>",
        [IssueKind.Election],
        "anyone; binding if you are a voter",
        "Objects to a nominee. The reason is required.",
        "/object @alice has not taken part in the group this year");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        kind == IssueKind.Election ? ParseOnElection(line, kind) : ParseOnProposal(line, kind);

    private Command ParseOnProposal(CommandLine line, IssueKind kind) =>
        line.Arguments.Length == 0
            ? Malformed(line, kind, "An objection needs a reason: say after `/object` what is wrong with the proposal.")
            : new ObjectCommand(line.LineNumber, line.Text, null, line.Arguments);

    private Command ParseOnElection(CommandLine line, IssueKind kind)
    {
        var (first, reason) = Words.SplitFirst(line.Arguments);
        if (first.Length == 0)
        {
            return Malformed(line, kind, "Name the nominee you object to, then give a reason.");
        }

        if (!Mention.TryRead(first, out var nominee, out var problem))
        {
            return Malformed(line, kind, problem);
        }

        return reason.Length == 0
            ? Malformed(line, kind, $"An objection needs a reason: say after `@{nominee}` why you object.")
            : new ObjectCommand(line.LineNumber, line.Text, nominee, reason);
    }
}
