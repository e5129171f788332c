using TagBot.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TagBot.Core.Rosters;

/// <summary>
/// A YAML node with the exact span of its text, for editing the text in place. Built from YamlDotNet's parser
/// events because the representation model does not record where collections end. Offsets are indexes into
/// the parsed string.
/// </summary>
internal abstract class YamlSyntax(Mark start)
{
    /// <summary>Where the node's text starts (for a block collection: its first key or item).</summary>
    public int Start { get; } = (int)start.Index;

    /// <summary>1-based line and column of <see cref="Start"/>, for error messages.</summary>
    public (int Line, int Column) Position { get; } = ((int)start.Line, (int)start.Column);

    /// <summary>The node's anchor (<c>&amp;kevin</c> → <c>kevin</c>), or null.</summary>
    public string? Anchor { get; private init; }

    /// <summary>The anchor an alias node (<c>*kevin</c>) refers to, or null for any other node.</summary>
    public string? AliasOf { get; private init; }

    /// <summary>
    /// Where the node's own text ends: after a scalar or a flow collection's closing bracket, after the last
    /// child of a block collection (not after the comments and blank lines that follow it).
    /// </summary>
    public abstract int End { get; }

    /// <summary>This node and every node below it, each with its dotted path (<c>tags[3].leadership</c>).</summary>
    public IEnumerable<(string Path, YamlSyntax Node)> DescendantsAndSelf(string path = "")
    {
        yield return (path, this);
        IEnumerable<(string, YamlSyntax)> children = this switch
        {
            YamlMap map => map.Entries.Select(e => (ConfigNode.Join(path, e.Key.Value), e.Value)),
            YamlList list => list.Items.Select((item, i) => ($"{path}[{i}]", item)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            foreach (var descendant in child.DescendantsAndSelf(childPath))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>The root node of the first document in <paramref name="text"/>; null for an empty document.</summary>
    /// <exception cref="YamlException">The text is not YAML (callers read the file first and report that).</exception>
    public static YamlSyntax? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<YamlSyntax>();
        YamlSyntax? root = null;
        while (parser.MoveNext() && parser.Current is not DocumentEnd)
        {
            YamlSyntax? node = parser.Current switch
            {
                Scalar scalar => new YamlScalar(scalar.Start, scalar.End, scalar.Value, scalar.Style) { Anchor = Name(scalar.Anchor) },
                AnchorAlias alias => new YamlScalar(alias.Start, alias.End, "*" + alias.Value, ScalarStyle.Any) { AliasOf = alias.Value.Value },
                MappingStart map => new YamlMap(map.Start, map.Style == MappingStyle.Flow) { Anchor = Name(map.Anchor) },
                SequenceStart list => new YamlList(list.Start, list.Style == SequenceStyle.Flow) { Anchor = Name(list.Anchor) },
                _ => null,
            };
            if (parser.Current is MappingEnd or SequenceEnd)
            {
                ((YamlCollection)open.Pop()).Close(parser.Current.Start);
                continue;
            }
            if (node is null)
            {
                continue;
            }
            if (open.TryPeek(out var parent))
            {
                ((YamlCollection)parent).Add(node);
            }
            else
            {
                root = node;
            }
            if (node is YamlCollection)
            {
                open.Push(node);
            }
        }
        return root is YamlScalar { IsNull: true } ? null : root;
    }

    /// <summary>The node an alias refers to: the last node before it with that anchor (as YAML resolves it).</summary>
    public YamlSyntax? Resolve(YamlSyntax alias) =>
        alias.AliasOf is { } name
            ? DescendantsAndSelf().Select(d => d.Node).LastOrDefault(n => n.Anchor == name && n.Start < alias.Start)
            : alias;

    /// <summary>The aliases of <paramref name="node"/>'s anchor, or of any anchor inside it, that lie outside it.</summary>
    public IEnumerable<YamlSyntax> AliasesInto(YamlSyntax node)
    {
        var anchors = node.DescendantsAndSelf().Select(d => d.Node.Anchor).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return DescendantsAndSelf().Select(d => d.Node)
            .Where(n => n.AliasOf is { } name && anchors.Contains(name) && (n.Start < node.Start || n.Start >= node.End));
    }

    private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
}

/// <summary>A scalar (an alias counts as one: rosters have no use for them, but they must not break edits).</summary>
internal sealed class YamlScalar(Mark start, Mark end, string value, ScalarStyle style) : YamlSyntax(start)
{
    public string Value => value;

    public ScalarStyle Style => style;

    public bool IsNull => style is ScalarStyle.Plain && value is "" or "~" or "null" or "Null" or "NULL";

    public override int End { get; } = (int)end.Index;
}

internal abstract class YamlCollection(Mark start, bool isFlow) : YamlSyntax(start)
{
    private int? flowEnd;

    /// <summary>Written inline (<c>[...]</c>, <c>{...}</c>) rather than one entry per line.</summary>
    public bool IsFlow { get; } = isFlow;

    public bool IsEmpty => LastChild is null;

    public override int End => IsFlow && flowEnd is { } end ? end : LastChild?.End ?? Start;

    protected abstract YamlSyntax? LastChild { get; }

    public abstract void Add(YamlSyntax node);

    /// <summary>Records the closing event; a flow collection ends after its bracket.</summary>
    public void Close(Mark at) => flowEnd = (int)at.Index + 1;
}

internal sealed class YamlList(Mark start, bool isFlow) : YamlCollection(start, isFlow)
{
    private readonly List<YamlSyntax> items = [];

    public IReadOnlyList<YamlSyntax> Items => items;

    protected override YamlSyntax? LastChild => items.LastOrDefault();

    /// <summary>The first map item whose <paramref name="key"/> is <paramref name="value"/>.</summary>
    public YamlMap? Find(string key, string value, IEqualityComparer<string> comparer) =>
        items.OfType<YamlMap>().FirstOrDefault(m => m[key] is YamlScalar scalar && comparer.Equals(scalar.Value.Trim(), value));

    public override void Add(YamlSyntax node) => items.Add(node);
}

internal sealed class YamlMap(Mark start, bool isFlow) : YamlCollection(start, isFlow)
{
    private readonly List<(YamlSyntax Key, YamlSyntax? Value)> entries = [];

    /// <summary>Entries in file order; keys that are not plain scalars are kept so that positions stay right.</summary>
    public IEnumerable<(YamlScalar Key, YamlSyntax Value)> Entries =>
        entries.Where(e => e is (YamlScalar, not null)).Select(e => ((YamlScalar)e.Key, e.Value!));

    protected override YamlSyntax? LastChild => entries.Count == 0 ? null : entries[^1].Value ?? entries[^1].Key;

    /// <summary>The value of the first entry with key <paramref name="key"/>.</summary>
    public YamlSyntax? this[string key] => Entry(key)?.Value;

    public (YamlScalar Key, YamlSyntax Value)? Entry(string key) =>
        Entries.Where(e => e.Key.Value == key).Select(e => ((YamlScalar, YamlSyntax)?)e).FirstOrDefault();

    public override void Add(YamlSyntax node)
    {
        if (entries.Count > 0 && entries[^1].Value is null)
        {
            entries[^1] = (entries[^1].Key, node);
        }
        else
        {
            entries.Add((node, null));
        }
    }
}
