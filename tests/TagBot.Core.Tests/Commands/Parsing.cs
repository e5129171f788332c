using TagBot.Core.Commands;

namespace TagBot.Core.Tests.Commands;

/// <summary>Reads a single command line with one family, as <see cref="CommandReader"/> would.</summary>
internal static class Parsing
{
    public static TCommand Parse<TCommand>(CommandFamily family, string line, IssueKind kind)
        where TCommand : Command =>
        Assert.IsType<TCommand>(family.Parse(Assert.Single(CommandParser.Parse(line)), kind));

    public static MalformedCommand Malformed(CommandFamily family, string line, IssueKind kind) =>
        Parse<MalformedCommand>(family, line, kind);
}
