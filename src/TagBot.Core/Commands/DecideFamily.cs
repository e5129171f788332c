namespace TagBot.Core.Commands;

/// <summary>The outcome a chair gives a proposal.</summary>
public enum Decision
{
    Accept,
    Reject,
}

/// <summary>A chair's final decision on a proposal.</summary>
/// <param name="Reason">The reason as written, or null when none is given.</param>
public sealed record DecideCommand(int LineNumber, string Text, Decision Decision, string? Reason)
    : Command(LineNumber, Text);

/// <summary><c>/decide accept|reject [reason]</c>; the decision word is case-insensitive.</summary>
public sealed class DecideFamily() : CommandFamily(Usage)
{
    private static readonly CommandUsage Usage = new(
        "decide",
        "/decide accept|reject [reason]",
        [IssueKind.Proposal],
        "chairs",
        "Decides the proposal at any time: labels it accepted or rejected and closes the issue. The reason is optional.",
        "/decide accept agreed at the 12 May meeting");

    public override Command Parse(CommandLine line, IssueKind kind)
    {
        var (first, reason) = Words.SplitFirst(line.Arguments);
        var word = Words.WithoutTrailingPunctuation(first);
        Decision? decision = word.ToLowerInvariant() switch
        {
            "accept" => Decision.Accept,
            "reject" => Decision.Reject,
            _ => null,
        };
        if (decision is null)
        {
            return Malformed(line, kind, first.Length == 0
                ? "Say whether the proposal is accepted or rejected."
                : $"`{first}` is not a decision: write `accept` or `reject`.");
        }

        return new DecideCommand(line.LineNumber, line.Text, decision.Value, reason.Length == 0 ? null : reason);
    }
}
