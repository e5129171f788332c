namespace TagBot.Core.Commands;

/// <summary>
/// A known command on a proposal or election that does not take it, such as <c>/nominate</c> on a
/// proposal. Answered, so the author learns it did nothing; <see cref="CommandCatalog"/> says where
/// the verb does apply.
/// </summary>
/// <param name="Verb">The lower-case verb.</param>
/// <param name="Kind">The kind of issue it was written on.</param>
public sealed record MisplacedCommand(int LineNumber, string Text, string Verb, IssueKind Kind)
    : Command(LineNumber, Text);
