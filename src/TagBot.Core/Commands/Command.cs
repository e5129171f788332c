namespace TagBot.Core.Commands;

/// <summary>
/// A command read from a comment, ready for the engine to authorise and apply. Each command of a
/// comment is handled on its own, so each one carries where it came from.
/// </summary>
/// <param name="LineNumber">1-based line of the comment body it was read from.</param>
/// <param name="Text">The trimmed source line, so a reply can quote exactly what it answers.</param>
public abstract record Command(int LineNumber, string Text);
