using System.CommandLine;
using TagBot.Core.Yaml;

namespace TagBot.Cli;

/// <summary>
/// A first word that is no verb (<c>TagBot valdate …</c>) is a mistake, not host arguments: starting
/// the server instead would hide the typo behind a listening service.
/// </summary>
public static class UnknownCommand
{
    /// <summary>
    /// The mistyped verb, or null when the tokens are host arguments: <c>--key value</c>,
    /// <c>/key value</c> or <c>key=value</c>, as .NET's command-line configuration reads them.
    /// </summary>
    public static string? Of(IReadOnlyList<string> unmatched) =>
        unmatched is [var first, ..] && !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal)
            ? first
            : null;

    public static int Report(RootCommand root, string typed, TextWriter error)
    {
        var verbs = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var near = KeySuggester.Suggest(typed, verbs);
        error.WriteLine($"'{typed}' is not a TagBot command" + (near is null ? "." : $"; did you mean '{near}'?"));
        error.WriteLine();
        root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
        return 2;
    }
}
