namespace TagBot.Core.Commands;

/// <summary>Asks for the commands usable on the issue.</summary>
public sealed record HelpCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary>Asks TagBot to refresh the issue's status comment.</summary>
public sealed record StatusCommand(int LineNumber, string Text) : Command(LineNumber, Text);

/// <summary>
/// <c>/tagbot help</c> and <c>/tagbot status</c>, the only commands valid on any issue, governed
/// or not. The subcommand is case-insensitive; anything after it is a remark.
/// </summary>
public sealed class TagBotFamily() : CommandFamily(Help, Status)
{
    private static readonly CommandUsage Help = new(
        "tagbot",
        "/tagbot help",
        [IssueKind.Proposal, IssueKind.Election, IssueKind.Other],
        "anyone",
        "Lists the commands you can use on this issue.",
        "/tagbot help");

    private static readonly CommandUsage Status = new(
        "tagbot",
        "/tagbot status",
        [IssueKind.Proposal, IssueKind.Election, IssueKind.Other],
        "anyone",
        "Refreshes the status comment from the issue's current comments.",
        "/tagbot status");

    public override Command Parse(CommandLine line, IssueKind kind)
    {
        var (first, _) = Words.SplitFirst(line.Arguments);
        return Words.WithoutTrailingPunctuation(first).ToLowerInvariant() switch
        {
            "help" => new HelpCommand(line.LineNumber, line.Text),
            "status" => new StatusCommand(line.LineNumber, line.Text),
            "" => Malformed(line, kind, "Say what TagBot should do: `help` or `status`."),
            _ => Malformed(line, kind, $"TagBot does not know `{first}`: it understands `help` and `status`."),
        };
    }
}
