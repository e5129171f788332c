using YamlDotNet.RepresentationModel;

namespace TagBot.Tests.Observability;

/// <summary>One YAML document of deploy/, as plain maps, lists and strings, with helpers to walk it.</summary>
public sealed class Manifest(string file, object? root)
{
    public string File { get; } = file;

    public object? Root { get; } = root;

    public string Kind => (string)Get(Root, "kind")!;

    public string Name => Get(Root, "metadata", "name") as string ?? "";

    public static IReadOnlyList<Manifest> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => new Manifest(path, Plain(d.RootNode)))];
    }

    /// <summary>Walks maps by key and lists by index; null when a step is missing.</summary>
    public static object? Get(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key),
                (IReadOnlyList<object?> list, int index) when index < list.Count => list[index],
                _ => null,
            };
        }

        return node;
    }

    public static IEnumerable<object?> Items(object? node) => node as IReadOnlyList<object?> ?? [];

    public object? this[params object[] path] => Get(Root, path);

    private static object? Plain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Plain(c.Value), StringComparer.Ordinal)
            .AsReadOnly(),
        YamlSequenceNode list => list.Children.Select(Plain).ToList().AsReadOnly(),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}
