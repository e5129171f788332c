namespace TagBot.Core.Policies;

/// <summary>
/// A problem in a configuration file (policy or roster), located for a human:
/// <c>.github/tagbot.yml:12:3: proposals.support_required: expected a whole number ≥ 0, found "two"</c>.
/// </summary>
/// <param name="File">Repository path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Key">Dotted path of the setting (e.g. <c>roles.tech_lead[2].term.end</c>), or <c>(file)</c>.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ConfigError(string File, int Line, int Column, string Key, string Message)
{
    /// <summary>The key used for errors that concern the whole file.</summary>
    public const string FileKey = "(file)";

    public override string ToString() => $"{File}:{Line}:{Column}: {Key}: {Message}";
}

/// <summary>The outcome of <see cref="PolicyLoader.Load"/>.</summary>
/// <param name="Policy">The loaded policy, or <c>null</c> when the file has any error.</param>
/// <param name="Errors">Every problem found, ordered by position in the file.</param>
public sealed record PolicyLoadResult(Policy? Policy, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
