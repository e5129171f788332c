namespace TagBot.Core.Commands;

/// <summary>Marks a proposal or election as triaged.</summary>
public sealed record TriageCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary><c>/triage</c>. Anything after the verb is a remark.</summary>
public sealed class TriageFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "triage",
        "/triage",
        [IssueKind.Proposal, IssueKind.Election],
        "chairs and tech leads",
        "Marks the issue as triaged by removing the triage label.",
        "/triage");

    public override Command Parse(CommandLine line, IssueKind kind) => new TriageCommand(line.LineNumber, line.Text);
}
