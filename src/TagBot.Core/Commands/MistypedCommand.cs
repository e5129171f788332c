namespace TagBot.Core.Commands;

/// <summary>
/// An unknown verb that is almost one of TagBot's (<c>/close_election</c>, <c>/nomiate</c>). Answered with
/// the verb it misses: silently dropping it would leave its author believing it counted.
/// </summary>
/// <param name="Written">The verb as written, lower case.</param>
/// <param name="Meant">The TagBot verb it almost is.</param>
public sealed record MistypedCommand(int LineNumber, string Text, string Written, string Meant)
    : Command(LineNumber, Text);
