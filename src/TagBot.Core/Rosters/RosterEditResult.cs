using TagBot.Core.Policies;

namespace TagBot.Core.Rosters;

/// <summary>The outcome of <see cref="RosterEditor.Apply"/>.</summary>
/// <param name="Text">The edited file, or <c>null</c> when the change cannot be applied.</param>
/// <param name="Errors">Why not, located in the file, ordered by position.</param>
public sealed record RosterEditResult(string? Text, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Text is not null && Errors.Count == 0;

    internal static RosterEditResult Success(string text) => new(text, []);

    internal static RosterEditResult Failure(IEnumerable<ConfigError> errors) =>
        new(null, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
}
