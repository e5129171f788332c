using TagBot.Core.Rosters;
namespace TagBot.Core.Commands;

/// <summary>Support for a proposal, or for one or more nominees of an election.</summary>
/// <param name="Nominees">The supported logins, without @, as written; empty on a proposal.</param>
public sealed record SupportCommand(int LineNumber, string Text, IReadOnlyList<string> Nominees)
    : Command(LineNumber, Text);

/// <summary><c>/support</c> on a proposal, <c>/support @user...</c> on an election.</summary>
public sealed class SupportFamily() : CommandFamily(OnProposal, OnElection)
{
    private static readonly CommandUsage OnProposal = new(
        "support",
        "/support",
        [IssueKind.Proposal],
        "anyone; binding if you are a voter",
        "Supports the proposal. Anything after the command is ignored, so you can add a remark.",
        "/support +1, this closes a real gap");

    private static readonly CommandUsage OnElection = new(
        "support",
        "/support @user...",
        [IssueKind.Election],
        "anyone; binding if you are a voter",
        "Supports one or more nominees. This is approval voting: support as many as you like.",
        "/support @alice @bob");

    public override Command Parse(CommandLine line, IssueKind kind) =>
        // On a proposal people write "/support +1 great idea": the remark is not an argument.
        kind == IssueKind.Election
            ? ParseOnElection(line, kind)
            : new SupportCommand(line.LineNumber, line.Text, []);

    // Every word must be a mention: "/support alice and bob" is refused rather than half-read.
    private Command ParseOnElection(CommandLine line, IssueKind kind)
    {
        var words = Words.Of(line.Arguments);
        if (words.Length == 0)
        {
            return Malformed(line, kind, "Name at least one nominee to support.");
        }

        var nominees = new List<string>();
        foreach (var word in words)
        {
            if (!Mention.TryRead(word, out var nominee, out var problem))
            {
                return Malformed(line, kind, problem);
            }

            nominees.Add(nominee);
        }

        return new SupportCommand(
            line.LineNumber,
            line.Text,
            nominees.Distinct(Login.Comparer).ToList());
    }
}
