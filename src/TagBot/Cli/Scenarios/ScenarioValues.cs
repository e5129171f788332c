using System.Globalization;
using System.Text.RegularExpressions;
using TagBot.Core.Rosters;
using TagBot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Cli;

/// <summary>
/// The scenario's own value shapes (text, logins, times, embedded files) on top of the located-error
/// YAML reader the policy uses: a wrong value is reported with its line, column and key, never thrown.
/// </summary>
internal sealed partial class ScenarioValues(ConfigNodeReader reader, string[] lines)
{
    public ConfigNodeReader Reader => reader;

    public string? Text(ConfigNode node)
    {
        if (node.IsNull)
        {
            return "";
        }
        if (node.Node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }
        reader.Report(node, $"expected text, found {node.Describe()} (quote it if it contains ': ' or starts with '[' or '{{')");
        return null;
    }

    public string? Login(ConfigNode node)
    {
        if (Text(node) is not { } text)
        {
            return null;
        }
        var login = text.Trim().TrimStart('@');
        if (!Core.Rosters.Login.IsValidLogin(login) && !IsBot(login))
        {
            reader.Report(node, $"expected a GitHub login such as alice (a bot's ends in [bot]), found {node.Describe()}");
            return null;
        }
        return login;
    }

    public DateTimeOffset? Date(ConfigNode node)
    {
        if (node.Node is YamlScalarNode { Value: { } value } && IsoDate().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        reader.Report(node, $"expected a date and time such as 2026-03-02T09:00:00Z (UTC unless an offset is given), found {node.Describe()}");
        return null;
    }

    /// <summary>
    /// The text of an embedded file. A literal block scalar (<c>key: |</c>) keeps line numbers
    /// exact: its first line is the line after the key.
    /// </summary>
    public ScenarioText? EmbeddedText(ConfigNode node)
    {
        var key = node.Path;
        if (node.Node is not YamlScalarNode scalar)
        {
            reader.Report(node, $"expected the {key} file's text as a block scalar: `{key}: |` followed by the file, indented; found {node.Describe()}");
            return null;
        }
        var line = (int)scalar.Start.Line;
        var literal = scalar.Style == ScalarStyle.Literal;
        var indent = 0;
        if (literal)
        {
            var first = lines.Skip(line).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
            indent = first.Length - first.TrimStart(' ').Length;
        }
        return new ScenarioText(key, node.IsNull ? "" : scalar.Value ?? "", line, (int)scalar.Start.Column, literal, indent);
    }

    /// <summary>Reports a required key that <paramref name="map"/> lacks; always returns the default.</summary>
    public T? Missing<T>(ConfigNode map, string key, string what)
    {
        reader.Report(map.Start, ConfigNode.Join(map.Path, key), $"missing; expected {what}");
        return default;
    }

    private static bool IsBot(string login) =>
        login.EndsWith("[bot]", StringComparison.Ordinal) && Core.Rosters.Login.IsValidLogin(login[..^5]);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]|$)")]
    private static partial Regex IsoDate();
}
