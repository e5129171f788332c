namespace TagBot.Core.Commands;

/// <summary>
/// One way to use a command, as help prints it. A verb whose arguments depend on the issue (such
/// as <c>/support</c> on a proposal or on an election) has one usage per kind of issue.
/// </summary>
/// <param name="Verb">The lower-case verb.</param>
/// <param name="Syntax">How to write it, e.g. <c>/object @user &lt;reason&gt;</c>.</param>
/// <param name="Where">The kinds of issue it applies to.</param>
/// <param name="Who">Who may use it, in words.</param>
/// <param name="Summary">What it does, in a sentence or two.</param>
/// <param name="Example">A complete line that works as written.</param>
public sealed record CommandUsage(
    string Verb,
    string Syntax,
    IReadOnlyList<IssueKind> Where,
    string Who,
    string Summary,
    string Example);
