using TagBot.Core.Policies;

namespace TagBot.Cli;

/// <summary>
/// An embedded file (policy, roster): its text and where it sits in the scenario file, so that an
/// error the loaders report at line L of the embedded file can be shown at the scenario's own line.
/// </summary>
/// <param name="Key">The scenario key that holds it (<c>policy</c>, <c>roster</c>, <c>members</c>).</param>
/// <param name="Line">Line of the key's value in the scenario file.</param>
/// <param name="Column">Column of the key's value in the scenario file.</param>
/// <param name="LineForLine">
/// True for a literal block scalar (<c>key: |</c>): its line L is the scenario's line <c>Line + L</c>,
/// indented by <see cref="Indent"/> spaces. Otherwise (quoted or folded text) only the start is known.
/// </param>
internal sealed record ScenarioText(string Key, string Text, int Line, int Column, bool LineForLine, int Indent)
{
    /// <summary>An error in the embedded file, located in the scenario file.</summary>
    public ScenarioError Locate(ConfigError error) => LineForLine
        ? new ScenarioError(Line + error.Line, Indent + error.Column, $"{Key} › {error.Key}", error.Message)
        : new ScenarioError(Line, Column, $"{Key} › {error.Key}", $"{error.Message} (line {error.Line}, column {error.Column} of the {Key} text)");
}
