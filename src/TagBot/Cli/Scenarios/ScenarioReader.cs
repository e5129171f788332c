using TagBot.Core.Yaml;

namespace TagBot.Cli;

/// <summary>
/// Reads a <see cref="Scenario"/> from YAML with the same located-error reader as the policy: every
/// problem is reported with its line, column and key (all of them, not just the first), so a broken
/// scenario is fixed in one round.
/// </summary>
internal static class ScenarioReader
{
    private static readonly string[] RootKeys = ["policy", "roster", "members", "issue", "comments", "commits", "now"];

    public static (Scenario? Scenario, IReadOnlyList<ScenarioError> Errors) Read(string text)
    {
        var reader = new ConfigNodeReader("scenario");
        var values = new ScenarioValues(reader, text.Split('\n'));
        var root = reader.ParseDocument(text);
        if (root is null && reader.HasErrors)
        {
            return (null, Located(reader));
        }
        if (root is not { Node: YamlDotNet.RepresentationModel.YamlMappingNode } map)
        {
            reader.Report(root?.Start ?? new YamlDotNet.Core.Mark(0, 1, 1), "",
                "expected a map with the keys roster, issue and comments (and optionally policy, members, commits, now); see examples/");
            return (null, Located(reader));
        }

        var fields = reader.Fields(map, RootKeys).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var policy = fields.TryGetValue("policy", out var p) ? values.EmbeddedText(p) : null;
        var roster = fields.TryGetValue("roster", out var r)
            ? values.EmbeddedText(r)
            : values.Missing<ScenarioText>(map, "roster", "the roster file's text, e.g. `roster: |` followed by the indented file");
        var members = fields.TryGetValue("members", out var m) ? values.EmbeddedText(m) : null;
        var issue = fields.TryGetValue("issue", out var i)
            ? ScenarioIssueReader.Read(i, values)
            : values.Missing<ScenarioIssue>(map, "issue", "a map with number, title, author, created, labels and body");
        var comments = fields.TryGetValue("comments", out var c) ? ScenarioCommentsReader.Read(c, values) : [];
        var commits = fields.TryGetValue("commits", out var g) ? ScenarioCommitsReader.Read(g, values) : [];
        var nowNode = fields.TryGetValue("now", out var n) ? n : (ConfigNode?)null;
        var now = nowNode is { } at ? values.Date(at) : null;
        if (issue is not null)
        {
            ScenarioTimeline.Check(issue, comments, commits, nowNode, now, reader);
        }

        return reader.HasErrors || roster is null || issue is null
            ? (null, Located(reader))
            : (new Scenario(policy, roster, members, issue, comments, now) { Commits = commits }, []);
    }

    private static List<ScenarioError> Located(ConfigNodeReader reader) =>
        [.. reader.Errors.Select(e => new ScenarioError(e.Line, e.Column, e.Key, e.Message))];
}
