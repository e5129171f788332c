using TagBot.Core.Commands;
using TagBot.Core.Issues;

namespace TagBot.Core.Governance;

/// <summary>
/// What became of one command. <see cref="Message"/> is the reason and the fix when refused, or
/// the answer when the command asks for one (help).
/// </summary>
public sealed record Verdict(IssueComment Comment, Command Command, bool Applied, string? Message)
{
    public static Verdict Apply(IssueComment comment, Command command, string? answer = null) => new(comment, command, true, answer);

    public static Verdict Refuse(IssueComment comment, Command command, string why) => new(comment, command, false, why);
}
