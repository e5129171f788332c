using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagBot.Core.Yaml;

/// <summary>A YAML node together with the dotted path that names it in error messages.</summary>
public readonly record struct ConfigNode(YamlNode Node, string Path)
{
    private const string NullTag = "tag:yaml.org,2002:null";

    public Mark Start => Node.Start;

    /// <summary>
    /// A YAML null: an empty value, <c>~</c> or <c>null</c> (unquoted, without a tag other than <c>!!null</c>).
    /// </summary>
    public bool IsNull =>
        Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || scalar.Tag.Value == NullTag)
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public ConfigNode Child(string key, YamlNode node) => new(node, Join(Path, key));

    public ConfigNode Item(int index, YamlNode node) => new(node, $"{Path}[{index}]");

    /// <summary>How the node is shown after "found": <c>"two"</c>, <c>-1</c>, <c>a list</c>, <c>nothing</c>.</summary>
    public string Describe() => Node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } when IsNull => "nothing",
        YamlScalarNode when IsNull => "null",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when IsBareWord(v!) => v!,
        YamlScalarNode { Value: var v } => Quote(v!),
        _ => "an unsupported YAML node",
    };

    private static bool IsBareWord(string value) =>
        value is "true" or "false"
        || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Quote(string value)
    {
        var shown = value.Length > 60 ? value[..57] + "..." : value;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }
}
