using TagBot.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// The <c>elections.electorate:</c> section: <c>null</c> (the default) for none, else a map whose <c>path</c> is
/// required, since an electorate file nobody names cannot be read.
/// </summary>
internal static class ElectorateSectionReader
{
    private const string Section = "elections.electorate";

    private static readonly IReadOnlyList<string> Keys = SectionKeys.Of(Section);

    public static ElectorateSettings? Read(ConfigNodeReader r, ConfigNode node, ElectorateSettings? electorate)
    {
        if (node.IsNull)
        {
            return null;
        }
        string? path = null;
        var pathGiven = false;
        var format = electorate?.Format ?? ElectorateFormat.Elekto;
        foreach (var (key, value) in r.Fields(node, Keys))
        {
            switch (key)
            {
                // `path: null` is "no file", as `electorate: null` is.
                case "path":
                    pathGiven = true;
                    path = !value.IsNull && r.TryName(value, out var named) ? named : null;
                    break;
                case "format":
                    format = r.TryChoice(value, ElectorateSettings.Formats, out var chosen) ? chosen : format;
                    break;
                default:
                    throw SectionKeys.Unread(Section, key);
            }
        }
        if (!pathGiven && node.Node is YamlMappingNode)
        {
            r.Report(node, "missing path: the file listing the voters, e.g. { path: elections/steering/2026/voters.yaml, format: elekto }");
        }
        return path is null ? null : new ElectorateSettings(path, format);
    }
}
