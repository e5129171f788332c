namespace TagBot.Core.Commands;

/// <summary>Reads the commands of a comment on an issue of a given kind.</summary>
public static class CommandReader
{
    /// <summary>
    /// The comment's commands in body order, one per command line (the same verb twice gives two).
    /// Verbs TagBot does not know are dropped, since other bots share the slash namespace, except near misses of
    /// TagBot's own verbs on the issues it governs, which are answered with the verb they miss.
    /// </summary>
    public static IReadOnlyList<Command> Read(string body, IssueKind kind) =>
        CommandParser.Parse(body)
            .Select(line => Interpret(line, kind))
            .OfType<Command>()
            .ToList();

    private static Command? Interpret(CommandLine line, IssueKind kind)
    {
        var family = CommandCatalog.Find(line.Verb);
        if (family is null)
        {
            return kind != IssueKind.Other && CommandCatalog.NearMiss(line.Verb) is { } meant
                ? new MistypedCommand(line.LineNumber, line.Text, line.Verb, meant)
                : null;
        }

        if (family.Where.Contains(kind))
        {
            return family.Parse(line, kind);
        }

        // An issue TagBot does not govern may hold "/support" meant for people or another tool:
        // answering each one would be noise, so only /tagbot speaks there.
        return kind == IssueKind.Other ? null : new MisplacedCommand(line.LineNumber, line.Text, line.Verb, kind);
    }
}
