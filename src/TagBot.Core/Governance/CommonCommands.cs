using TagBot.Core.Commands;
using TagBot.Core.Issues;
using TagBot.Core.Status;

namespace TagBot.Core.Governance;

/// <summary>Commands whose answer does not depend on the kind of issue: help, status, and mistakes.</summary>
public static class CommonCommands
{
    public static Verdict? Judge(IssueComment comment, Command command, Func<string> help) => command switch
    {
        HelpCommand => Verdict.Apply(comment, command, help()),
        StatusCommand => Verdict.Apply(comment, command),
        MalformedCommand m => Verdict.Refuse(comment, command, $"{m.Problem} {m.Usage}"),
        MisplacedCommand m => Verdict.Refuse(comment, command, Misplaced(m)),
        MistypedCommand m => Verdict.Refuse(comment, command,
            $"`/{m.Written}` is not a TagBot command; did you mean `/{m.Meant}`? Edit the comment to fix it (comment `/tagbot help` for the commands)."),
        _ => null,
    };

    private static string Misplaced(MisplacedCommand command) => command.Kind switch
    {
        IssueKind.Proposal => $"`/{command.Verb}` belongs to elections; this issue is a proposal.",
        IssueKind.Election => $"`/{command.Verb}` belongs to proposals; this issue is an election.",
        _ => $"`/{command.Verb}` works only on proposal and election issues.",
    };
}
