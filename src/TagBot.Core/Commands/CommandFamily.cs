using System.Collections.Frozen;

namespace TagBot.Core.Commands;

/// <summary>
/// A family of related commands: their help text and how to read their arguments. Like a Prow
/// plugin, each family describes itself, so the help cannot drift from what is parsed.
/// </summary>
public abstract class CommandFamily
{
    protected CommandFamily(params IReadOnlyList<CommandUsage> usages)
    {
        Usages = usages;
        Verbs = usages.Select(usage => usage.Verb).Distinct().ToList();
        Where = usages.SelectMany(usage => usage.Where).ToFrozenSet();
    }

    /// <summary>The ways to use this family's commands, in the order help lists them.</summary>
    public IReadOnlyList<CommandUsage> Usages { get; }

    /// <summary>The lower-case verbs of this family.</summary>
    public IReadOnlyList<string> Verbs { get; }

    /// <summary>The kinds of issue on which this family's commands apply.</summary>
    public IReadOnlySet<IssueKind> Where { get; }

    /// <summary>
    /// Reads one of this family's lines written on an issue of a kind in <see cref="Where"/>
    /// (<see cref="CommandReader"/> checks the placement first).
    /// </summary>
    /// <returns>The typed command, or a <see cref="MalformedCommand"/> saying what to fix.</returns>
    public abstract Command Parse(CommandLine line, IssueKind kind);

    protected MalformedCommand Malformed(CommandLine line, IssueKind kind, string problem) =>
        new(line.LineNumber, line.Text, line.Verb, problem, UsageFor(line.Verb, kind));

    private string UsageFor(string verb, IssueKind kind)
    {
        var forms = Usages
            .Where(usage => usage.Verb == verb && usage.Where.Contains(kind))
            .Select(usage => usage.Syntax == usage.Example
                ? $"`{usage.Syntax}`"
                : $"`{usage.Syntax}`, for example `{usage.Example}`");
        return $"Write {string.Join(" or ", forms)}.";
    }
}
