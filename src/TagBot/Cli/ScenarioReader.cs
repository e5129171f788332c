using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Cli;

/// <summary>
/// Reads a <see cref="Scenario"/> from YAML. Every problem is reported with its line, column and
/// key (all of them, not just the first), so a broken scenario is fixed in one round.
/// </summary>
internal static partial class ScenarioReader
{
    private static readonly string[] RootKeys = ["policy", "roster", "members", "issue", "comments", "now"];
    private static readonly string[] IssueKeys = ["number", "title", "author", "created", "labels", "body"];
    private static readonly string[] CommentKeys = ["author", "at", "body"];

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Read(string text)
    {
        var errors = new List<ScenarioError>();
        var lines = text.Split('\n');
        YamlNode? root;
        var parser = new MarkingParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            && Array.FindIndex(lines, l => l.TrimStart(' ').StartsWith('\t')) is var tab and >= 0)
        {
            // YamlDotNet blames the start of the enclosing map; point at the tab instead.
            return (null, [new ScenarioError(tab + 1, 1, "(file)", "invalid YAML: a tab is used for indentation; indent with spaces")]);
        }
        catch (YamlException e) when (e.Start.Index >= text.TrimEnd().Length)
        {
            // At the end of the file the position says nothing: point at the last thing parsed.
            return (null, [new ScenarioError((int)parser.LastMark.Line, (int)parser.LastMark.Column, "(file)",
                $"invalid YAML: the file ends inside something opened here (an unclosed '[', '{{' or quote?): {Clean(e.Message)}")]);
        }
        catch (YamlException e)
        {
            var hint = e.Message.Contains("flow", StringComparison.OrdinalIgnoreCase)
                ? " Inside { } or [ ], quote text that contains [ ] { } , or ': ', e.g. author: \"dependabot[bot]\"."
                : "";
            return (null, [new ScenarioError((int)e.Start.Line, (int)e.Start.Column, "(file)", $"invalid YAML: {Clean(e.Message)}{hint}")]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input (e.g. an unclosed '['), without a position.
            return (null, [new ScenarioError((int)parser.LastMark.Line, (int)parser.LastMark.Column, "(file)",
                "invalid YAML: it cannot be parsed after this point (an unclosed '[', '{' or quote?)")]);
        }

        if (root is not YamlMappingNode map)
        {
            return (null, [new ScenarioError(root is null ? 1 : (int)root.Start.Line, root is null ? 1 : (int)root.Start.Column, "(file)",
                "expected a map with the keys roster, issue and comments (and optionally policy, members, now); see examples/")]);
        }

        var fields = Fields(map, "", RootKeys, errors);
        var policy = fields.TryGetValue("policy", out var p) ? EmbeddedText(p, "policy", lines, errors) : null;
        var roster = fields.TryGetValue("roster", out var r)
            ? EmbeddedText(r, "roster", lines, errors)
            : Missing<ScenarioText>(map, "roster", "the roster file's text, e.g. `roster: |` followed by the indented file", errors);
        var members = fields.TryGetValue("members", out var m) ? EmbeddedText(m, "members", lines, errors) : null;
        var issue = fields.TryGetValue("issue", out var i)
            ? ReadIssue(i, errors)
            : Missing<ScenarioIssue>(map, "issue", "a map with number, title, author, created, labels and body", errors);
        var comments = fields.TryGetValue("comments", out var c) ? ReadComments(c, errors) : [];
        var now = fields.TryGetValue("now", out var n) ? Date(n, "now", errors) : null;

        if (issue is not null)
        {
            foreach (var (comment, index) in comments.Select((comment, index) => (comment, index)))
            {
                if (comment.At < issue.Created)
                {
                    errors.Add(new ScenarioError(comment.Line, 1, $"comments[{index}].at",
                        $"{Stamp(comment.At)} is before the issue was created ({Stamp(issue.Created)})"));
                }
            }

            var last = comments.Select(c => c.At).Append(issue.Created).Max();
            if (now is { } at && at < last)
            {
                errors.Add(new ScenarioError((int)n!.Start.Line, (int)n.Start.Column, "now",
                    $"{Stamp(at)} is before the last event ({Stamp(last)}); leave `now` out to look one minute after it"));
            }
        }

        errors.Sort((a, b) => (a.Line, a.Column).CompareTo((b.Line, b.Column)));
        return errors.Count > 0 || roster is null || issue is null
            ? (null, errors)
            : (new Scenario(policy, roster, members, issue, comments, now), []);
    }

    private static ScenarioIssue? ReadIssue(YamlNode node, List<ScenarioError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            Report(node, "issue", "expected a map with number, title, author, created, labels and body", errors);
            return null;
        }

        var fields = Fields(map, "issue.", IssueKeys, errors);
        var number = 1;
        if (fields.TryGetValue("number", out var n))
        {
            if (n is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1)
            {
                number = parsed;
            }
            else
            {
                Report(n, "issue.number", $"expected a whole number ≥ 1, found {Describe(n)}", errors);
            }
        }

        var title = fields.TryGetValue("title", out var t) ? Text(t, "issue.title", errors) ?? "" : "Simulated issue";
        var author = fields.TryGetValue("author", out var a)
            ? Login(a, "issue.author", errors)
            : Missing<string>(map, "issue.author", "the login of the person who opened the issue", errors);
        var created = fields.TryGetValue("created", out var c)
            ? Date(c, "issue.created", errors)
            : Missing<DateTimeOffset?>(map, "issue.created", "when the issue was opened, e.g. 2026-03-02T09:00:00Z", errors);
        var labels = new List<string>();
        if (fields.TryGetValue("labels", out var l))
        {
            if (l is YamlSequenceNode list)
            {
                foreach (var (item, index) in list.Children.Select((item, index) => (item, index)))
                {
                    if (Text(item, $"issue.labels[{index}]", errors) is { Length: > 0 } label)
                    {
                        labels.Add(label);
                    }
                }
            }
            else if (!IsNull(l))
            {
                Report(l, "issue.labels", $"expected a list of label names, e.g. [nomination], found {Describe(l)}", errors);
            }
        }

        var body = fields.TryGetValue("body", out var b) ? Text(b, "issue.body", errors) ?? "" : "";
        return author is null || created is null ? null : new ScenarioIssue(number, title, author, created.Value, labels, body);
    }

    private static List<ScenarioComment> ReadComments(YamlNode node, List<ScenarioError> errors)
    {
        var comments = new List<ScenarioComment>();
        if (IsNull(node))
        {
            return comments;
        }

        if (node is not YamlSequenceNode list)
        {
            Report(node, "comments", $"expected a list of comments, each with author, at and body; found {Describe(node)}", errors);
            return comments;
        }

        foreach (var (item, index) in list.Children.Select((item, index) => (item, index)))
        {
            var key = $"comments[{index}]";
            if (item is not YamlMappingNode map)
            {
                Report(item, key, $"expected a comment (a map with author, at and body), found {Describe(item)}", errors);
                continue;
            }

            var fields = Fields(map, key + ".", CommentKeys, errors);
            var author = fields.TryGetValue("author", out var a)
                ? Login(a, key + ".author", errors)
                : Missing<string>(map, key + ".author", "the commenter's login", errors);
            var at = fields.TryGetValue("at", out var t)
                ? Date(t, key + ".at", errors)
                : Missing<DateTimeOffset?>(map, key + ".at", "when the comment was made, e.g. 2026-03-02T10:00:00Z", errors);
            var body = fields.TryGetValue("body", out var b)
                ? Text(b, key + ".body", errors)
                : Missing<string>(map, key + ".body", "the comment's text", errors);
            if (author is not null && at is not null && body is not null)
            {
                comments.Add(new ScenarioComment(author, at.Value, body, (int)map.Start.Line));
            }
        }

        return comments;
    }

    /// <summary>The map's entries by key; unknown, duplicate or non-name keys are reported.</summary>
    private static Dictionary<string, YamlNode> Fields(YamlMappingNode map, string prefix, string[] known, List<ScenarioError> errors)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Report(keyNode, prefix.TrimEnd('.'), "expected a plain name as the key", errors);
            }
            else if (!known.Contains(key))
            {
                Report(keyNode, prefix + key, $"unknown key '{key}'; expected one of: {string.Join(", ", known)}", errors);
            }
            else
            {
                fields[key] = value;
            }
        }

        return fields;
    }

    /// <summary>
    /// The text of an embedded file. A literal block scalar (<c>key: |</c>) keeps line numbers
    /// exact: its first line is the line after the key.
    /// </summary>
    private static ScenarioText? EmbeddedText(YamlNode node, string key, string[] lines, List<ScenarioError> errors)
    {
        if (node is not YamlScalarNode scalar)
        {
            Report(node, key, $"expected the {key} file's text as a block scalar: `{key}: |` followed by the file, indented; found {Describe(node)}", errors);
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

        return new ScenarioText(key, IsNull(scalar) ? "" : scalar.Value ?? "", line, (int)scalar.Start.Column, literal, indent);
    }

    private static string? Text(YamlNode node, string key, List<ScenarioError> errors)
    {
        if (node is YamlScalarNode scalar)
        {
            return IsNull(scalar) ? "" : scalar.Value ?? "";
        }

        Report(node, key, $"expected text, found {Describe(node)} (quote it if it contains ': ' or starts with '[' or '{{')", errors);
        return null;
    }

    private static string? Login(YamlNode node, string key, List<ScenarioError> errors)
    {
        var text = Text(node, key, errors);
        if (text is null)
        {
            return null;
        }

        var login = text.Trim().TrimStart('@');
        if (login.Length == 0 || login.Any(char.IsWhiteSpace))
        {
            Report(node, key, $"expected a GitHub login such as alice (a bot's ends in [bot]), found {Describe(node)}", errors);
            return null;
        }

        return login;
    }

    private static DateTimeOffset? Date(YamlNode node, string key, List<ScenarioError> errors)
    {
        if (node is YamlScalarNode { Value: { } value } && IsoDate().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        Report(node, key, $"expected a date and time such as 2026-03-02T09:00:00Z (UTC unless an offset is given), found {Describe(node)}", errors);
        return null;
    }

    private static T? Missing<T>(YamlMappingNode map, string key, string what, List<ScenarioError> errors)
    {
        errors.Add(new ScenarioError((int)map.Start.Line, (int)map.Start.Column, key, $"missing; expected {what}"));
        return default;
    }

    private static void Report(YamlNode node, string key, string message, List<ScenarioError> errors) =>
        errors.Add(new ScenarioError((int)node.Start.Line, (int)node.Start.Column, key, message));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode { Value: var v } => $"\"{v}\"",
        _ => "an unsupported YAML node",
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>YamlDotNet prefixes messages with the position, which the error already shows.</summary>
    private static string Clean(string message) => PositionPrefix().Replace(message, "");

    /// <summary>Remembers where the last parsed event started, for errors YamlDotNet reports without a position.</summary>
    private sealed class MarkingParser(IParser inner) : IParser
    {
        public Mark LastMark { get; private set; } = new(0, 1, 1);

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastMark = current.Start;
            }

            return moved;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]|$)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
