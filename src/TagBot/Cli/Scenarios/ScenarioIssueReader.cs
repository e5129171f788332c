using TagBot.Core.Yaml;

namespace TagBot.Cli;

/// <summary>Reads the scenario's <c>issue</c> map: number, title, author, created, labels and body.</summary>
internal static class ScenarioIssueReader
{
    private static readonly string[] Keys = ["number", "title", "author", "created", "labels", "body"];

    public static ScenarioIssue? Read(ConfigNode node, ScenarioValues values)
    {
        var reader = values.Reader;
        if (node.IsNull || node.Node is not YamlDotNet.RepresentationModel.YamlMappingNode)
        {
            reader.Report(node, "expected a map with number, title, author, created, labels and body");
            return null;
        }

        var fields = reader.Fields(node, Keys).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var number = 1;
        if (fields.TryGetValue("number", out var n) && reader.TryInt(n, 1, out var parsed))
        {
            number = parsed;
        }
        var title = fields.TryGetValue("title", out var t) ? values.Text(t) ?? "" : "Simulated issue";
        var author = fields.TryGetValue("author", out var a)
            ? values.Login(a)
            : values.Missing<string>(node, "author", "the login of the person who opened the issue");
        var created = fields.TryGetValue("created", out var c)
            ? values.Date(c)
            : values.Missing<DateTimeOffset?>(node, "created", "when the issue was opened, e.g. 2026-03-02T09:00:00Z");
        var labels = new List<string>();
        if (fields.TryGetValue("labels", out var l) && reader.TryList(l, out var items))
        {
            labels.AddRange(items.Select(values.Text).OfType<string>().Where(label => label.Length > 0));
        }
        var body = fields.TryGetValue("body", out var b) ? values.Text(b) ?? "" : "";
        return author is null || created is null ? null : new ScenarioIssue(number, title, author, created.Value, labels, body);
    }
}
