using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Cli;

/// <summary>
/// Reads the scenario's optional <c>commits</c> list: each a time, the files it changes (roster,
/// policy, members: embedded text, as at the top of the scenario) and an optional message.
/// </summary>
internal static class ScenarioCommitsReader
{
    private static readonly string[] Keys = ["at", "roster", "policy", "members", "message"];

    public static List<ScenarioCommit> Read(ConfigNode node, ScenarioValues values)
    {
        var reader = values.Reader;
        var commits = new List<ScenarioCommit>();
        if (!reader.TryList(node, out var items))
        {
            return commits;
        }

        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            if (item.Node is not YamlMappingNode)
            {
                reader.Report(item, $"expected a commit (a map with at and roster, policy or members), found {item.Describe()}");
                continue;
            }

            var fields = reader.Fields(item, Keys).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            var at = fields.TryGetValue("at", out var t)
                ? values.Date(t)
                : values.Missing<DateTimeOffset?>(item, "at", "when the commit lands on the default branch, e.g. 2026-03-05T12:00:00Z");
            var policy = fields.TryGetValue("policy", out var p) ? values.EmbeddedText(p) : null;
            var roster = fields.TryGetValue("roster", out var r) ? values.EmbeddedText(r) : null;
            var members = fields.TryGetValue("members", out var m) ? values.EmbeddedText(m) : null;
            var message = fields.TryGetValue("message", out var g) ? values.Text(g) ?? "" : "";

            // A commit that changes no file would only add a line to the report: most likely a key is misspelt.
            if (!fields.ContainsKey("policy") && !fields.ContainsKey("roster") && !fields.ContainsKey("members"))
            {
                reader.Report(item, "a commit changes at least one file: give `roster: |`, `policy: |` or `members: |` with the file's new text");
            }
            else if (at is not null)
            {
                commits.Add(new ScenarioCommit(index + 1, at.Value, policy, roster, members, message.Trim(), (int)item.Start.Line));
            }
        }

        return commits;
    }
}
