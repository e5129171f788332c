namespace TagBot.Core.Commands;

/// <summary>A chair reopens a closed election, saying why.</summary>
/// <param name="Reason">Why, as written; never empty.</param>
public sealed record ReopenElectionCommand(int LineNumber, string Text, string Reason) : Command(LineNumber, Text);

/// <summary>
/// <c>/reopen-election &lt;reason&gt;</c>: undoes a mistaken or premature close until the roster pull
/// request is merged. The reason is required, since the history in the status comment keeps it.
/// </summary>
public sealed class ReopenElectionFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "reopen-election",
        "/reopen-election <reason>",
        [IssueKind.Election],
        "chairs",
        "Reopens a closed election until its roster pull request is merged: the vote resumes, the pull request is closed, and the next close posts a new result.",
        "/reopen-election closed before the APAC nominees could answer");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        line.Arguments.Length == 0
            ? Malformed(line, kind, "Reopening needs a reason: say after `/reopen-election` why the close should not stand.")
            : new ReopenElectionCommand(line.LineNumber, line.Text, line.Arguments);
}
