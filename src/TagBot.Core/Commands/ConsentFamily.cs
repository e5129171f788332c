namespace TagBot.Core.Commands;

/// <summary>A nominee accepts their nomination.</summary>
public sealed record AcceptCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary>A nominee declines their nomination.</summary>
public sealed record DeclineCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary><c>/accept</c> and <c>/decline</c>. Anything after the verb is a remark.</summary>
public sealed class ConsentFamily() : CommandFamily(Accept, Decline)
{
    private static readonly CommandUsage Accept = new(
        "accept",
        "/accept",
        [IssueKind.Election],
        "the nominee",
        "Accepts your nomination. Nominating yourself already counts as accepting.",
        "/accept");

    private static readonly CommandUsage Decline = new(
        "decline",
        "/decline",
        [IssueKind.Election],
        "the nominee",
        "Declines your nomination.",
        "/decline");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        line.Verb == Accept.Verb
            ? new AcceptCommand(line.LineNumber, line.Text)
            : new DeclineCommand(line.LineNumber, line.Text);
}
