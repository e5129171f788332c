using System.Globalization;
using TagBot.Core.Files;
using TagBot.Core.Policies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Yaml;

/// <summary>
/// Reads typed values out of YAML nodes, recording a located <see cref="ConfigError"/> for every value
/// of the wrong shape instead of throwing, so that one pass reports all the problems of a file.
/// Every <c>TryX</c> returns false (after recording the error) when the value is unusable; the caller
/// then keeps its default and carries on.
/// </summary>
public sealed class ConfigNodeReader(string file)
{
    private readonly List<ConfigError> errors = [];
    private readonly Dictionary<string, Mark> locations = new(StringComparer.Ordinal);

    public string File => file;

    public bool HasErrors => errors.Count > 0;

    /// <summary>The errors recorded so far, in file order.</summary>
    public IReadOnlyList<ConfigError> Errors =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    public void Report(Mark at, string key, string message) =>
        errors.Add(new ConfigError(
            file,
            (int)Math.Max(1, at.Line),
            (int)Math.Max(1, at.Column),
            key.Length == 0 ? ConfigError.FileKey : key,
            message));

    public void Report(ConfigNode node, string message) => Report(node.Start, node.Path, message);

    /// <summary>Where the file sets <paramref name="path"/> (a field's value, or a map entry's key), if it does.</summary>
    public Mark? LocationOf(string path) => locations.TryGetValue(path, out var mark) ? mark : null;

    /// <summary>
    /// Parses <paramref name="text"/> into the root node of its single YAML document; null when the text
    /// is empty, comments only, or unparseable (then a syntax error is recorded).
    /// </summary>
    public ConfigNode? ParseDocument(string? text)
    {
        // A byte-order mark (Windows editors write one) is not part of the document.
        text = ByteOrderMark.Strip(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parser = new TrackingParser(new Parser(new StringReader(text)), Report);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            ReportSyntaxError(text, parser, e.Start, e.Message);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input (e.g. an unclosed '[').
            ReportSyntaxError(text, parser, parser.LastMark, "the YAML cannot be parsed after this point (an unclosed '[', '{' or quote?)");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            Report(stream.Documents[1].RootNode.Start, "", "expected a single YAML document, but another one starts here; remove the '---' separator");
        }
        var root = new ConfigNode(stream.Documents[0].RootNode, "");
        return root.IsNull ? null : root;
    }

    /// <summary>
    /// The entries of a map whose keys are the fixed <paramref name="known"/> names; unknown keys are
    /// reported (with a suggestion). A null node has no entries; any other non-map is reported.
    /// </summary>
    public IEnumerable<(string Key, ConfigNode Value)> Fields(ConfigNode node, IReadOnlyCollection<string> known)
    {
        foreach (var (key, keyNode, value) in Entries(node))
        {
            if (known.Contains(key))
            {
                yield return (key, value);
            }
            else
            {
                var suggestion = KeySuggester.Suggest(key, known);
                Report(keyNode.Start, value.Path, suggestion is null
                    ? $"unknown key '{key}'; expected one of: {string.Join(", ", known)}"
                    : $"unknown key '{key}'; did you mean '{suggestion}'?");
            }
        }
    }

    /// <summary>All entries of a map with free-form keys (role ids, region names).</summary>
    public IEnumerable<(string Key, ConfigNode KeyNode, ConfigNode Value)> Entries(ConfigNode node)
    {
        if (node.IsNull)
        {
            yield break;
        }
        if (node.Node is not YamlMappingNode map)
        {
            Report(node, $"expected a map of settings, found {node.Describe()}");
            yield break;
        }
        foreach (var (keyYaml, valueYaml) in map.Children)
        {
            if (keyYaml is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Report(keyYaml.Start, node.Path, "expected a plain name as the key");
                continue;
            }
            var value = node.Child(key, valueYaml);
            locations[value.Path] = keyYaml.Start;
            yield return (key, new ConfigNode(keyYaml, value.Path), value);
        }
    }

    /// <summary>The items of a list; a null node is an empty list.</summary>
    public bool TryList(ConfigNode node, out List<ConfigNode> items)
    {
        items = [];
        if (node.IsNull)
        {
            return true;
        }
        if (node.Node is not YamlSequenceNode sequence)
        {
            Report(node, $"expected a list, found {node.Describe()}");
            return false;
        }
        items = [.. sequence.Children.Select((item, i) => node.Item(i, item))];
        return true;
    }

    /// <summary>A list of non-empty strings (duplicates are for the caller to judge).</summary>
    public bool TryStringList(ConfigNode node, out List<(string Value, ConfigNode Node)> values)
    {
        values = [];
        if (!TryList(node, out var items))
        {
            return false;
        }
        var ok = true;
        foreach (var item in items)
        {
            if (TryName(item, out var value))
            {
                values.Add((value, item));
            }
            else
            {
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>
    /// A whole number ≥ <paramref name="min"/>. <paramref name="expectation"/> replaces "a whole number ≥ min"
    /// in the error message.
    /// </summary>
    public bool TryInt(ConfigNode node, int min, out int value, string? expectation = null)
    {
        expectation ??= $"a whole number ≥ {min}";
        value = 0;
        if (node.Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
            && !node.IsNull
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min)
        {
            return true;
        }
        var quoted = node.Node is YamlScalarNode { Style: not (ScalarStyle.Plain or ScalarStyle.Any), Value: var q }
            && int.TryParse(q, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        Report(node, $"expected {expectation}, found {node.Describe()}" + (quoted ? " (a quoted string; remove the quotes)" : ""));
        return false;
    }

    /// <summary>A whole number ≥ <paramref name="min"/>, or null (no value / no limit).</summary>
    public bool TryOptionalInt(ConfigNode node, int min, out int? value)
    {
        value = null;
        if (node.IsNull)
        {
            return true;
        }
        if (!TryInt(node, min, out var number))
        {
            return false;
        }
        value = number;
        return true;
    }

    /// <summary><c>true</c> or <c>false</c> (any case, unquoted).</summary>
    public bool TryBool(ConfigNode node, out bool value)
    {
        value = false;
        if (node.Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
            && bool.TryParse(text, out value))
        {
            return true;
        }
        Report(node, $"expected true or false, found {node.Describe()}");
        return false;
    }

    /// <summary>A non-empty string (a plain number or word is a string too).</summary>
    public bool TryName(ConfigNode node, out string value)
    {
        value = "";
        if (node.Node is not YamlScalarNode scalar || node.IsNull)
        {
            Report(node, $"expected a name, found {node.Describe()}");
            return false;
        }
        value = (scalar.Value ?? "").Trim();
        if (value.Length == 0)
        {
            Report(node, "must not be empty");
            return false;
        }
        return true;
    }

    /// <summary>A non-empty string, or null.</summary>
    public bool TryOptionalName(ConfigNode node, out string? value)
    {
        value = null;
        if (node.IsNull)
        {
            return true;
        }
        if (!TryName(node, out var name))
        {
            return false;
        }
        value = name;
        return true;
    }

    /// <summary>One of the fixed <paramref name="choices"/> (exact spelling).</summary>
    public bool TryChoice<T>(ConfigNode node, IReadOnlyDictionary<string, T> choices, out T value)
    {
        value = default!;
        if (node.Node is YamlScalarNode { Value: { } text } && !node.IsNull && choices.TryGetValue(text, out var choice))
        {
            value = choice;
            return true;
        }
        Report(node, $"expected one of {string.Join(" | ", choices.Keys)}, found {node.Describe()}");
        return false;
    }

    private void ReportSyntaxError(string text, TrackingParser parser, Mark at, string message)
    {
        message = message.Trim().TrimEnd('.');
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentedLine(text) is int line)
        {
            // YamlDotNet blames the start of the enclosing mapping; point at the tab instead.
            Report(new Mark(0, line, 1), parser.Path, "YAML syntax error: a tab is used for indentation; indent with spaces");
            return;
        }
        if (at.Index >= text.TrimEnd().Length)
        {
            // At the end of the file the position says nothing: blame the last thing parsed.
            Report(parser.LastMark, parser.Path, $"YAML syntax error: the file ends inside something opened here (an unclosed '[', '{{' or quote?): {message}");
            return;
        }
        if (message.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            message += " (a value containing ': ' must be quoted)";
        }
        if (message.Contains("flow", StringComparison.OrdinalIgnoreCase))
        {
            message += "; inside { } or [ ], quote text that contains [ ] { } , or ': ', e.g. author: \"dependabot[bot]\"";
        }
        Report(at, parser.Path, $"YAML syntax error: {message}");
    }

    private static int? FirstTabIndentedLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
            {
                return i + 1;
            }
        }
        return null;
    }
}
