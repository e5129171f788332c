using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Cli;

/// <summary>Reads the scenario's <c>comments</c> list: each an author, a time and a body.</summary>
internal static class ScenarioCommentsReader
{
    private static readonly string[] Keys = ["author", "at", "body"];

    public static List<ScenarioComment> Read(ConfigNode node, ScenarioValues values)
    {
        var reader = values.Reader;
        var comments = new List<ScenarioComment>();
        if (!reader.TryList(node, out var items))
        {
            return comments;
        }
        foreach (var item in items)
        {
            if (item.Node is not YamlMappingNode)
            {
                reader.Report(item, $"expected a comment (a map with author, at and body), found {item.Describe()}");
                continue;
            }
            var fields = reader.Fields(item, Keys).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            var author = fields.TryGetValue("author", out var a)
                ? values.Login(a)
                : values.Missing<string>(item, "author", "the commenter's login");
            var at = fields.TryGetValue("at", out var t)
                ? values.Date(t)
                : values.Missing<DateTimeOffset?>(item, "at", "when the comment was made, e.g. 2026-03-02T10:00:00Z");
            var body = fields.TryGetValue("body", out var b)
                ? values.Text(b)
                : values.Missing<string>(item, "body", "the comment's text");
            if (author is not null && at is not null && body is not null)
            {
                comments.Add(new ScenarioComment(author, at.Value, body, (int)item.Start.Line));
            }
        }
        return comments;
    }
}
