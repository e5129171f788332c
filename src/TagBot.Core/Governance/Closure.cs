namespace TagBot.Core.Governance;

/// <summary>
/// Close the issue, once per <see cref="Key"/> (a deciding comment, a merged roster pull request),
/// so that a human who reopens it afterwards is not overruled.
/// </summary>
public sealed record Closure(string Key, bool Completed);
