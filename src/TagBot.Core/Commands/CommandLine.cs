namespace TagBot.Core.Commands;

/// <summary>
/// One line of a comment that has the shape of a slash command, before it is interpreted.
/// </summary>
/// <param name="Verb">The word after the slash, lower-case (verbs are case-insensitive).</param>
/// <param name="Arguments">The rest of the line, trimmed; empty when there is nothing.</param>
/// <param name="LineNumber">1-based line of the comment body, so replies can point at it.</param>
/// <param name="Text">The whole line, trimmed, as the author wrote it (for quoting in replies).</param>
public sealed record CommandLine(string Verb, string Arguments, int LineNumber, string Text);
