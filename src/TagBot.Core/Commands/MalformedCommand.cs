namespace TagBot.Core.Commands;

/// <summary>
/// A known command written wrongly. It is answered rather than dropped (TagBot is never silent):
/// the reply quotes <see cref="Problem"/> and <see cref="Usage"/> to the author.
/// </summary>
/// <param name="Verb">The lower-case verb, e.g. <c>object</c>.</param>
/// <param name="Problem">What is wrong, as a sentence for the author.</param>
/// <param name="Usage">How to write it instead, with an example.</param>
public sealed record MalformedCommand(int LineNumber, string Text, string Verb, string Problem, string Usage)
    : Command(LineNumber, Text);
