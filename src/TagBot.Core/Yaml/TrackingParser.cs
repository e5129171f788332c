using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TagBot.Core.Yaml;

/// <summary>
/// Wraps YamlDotNet's event parser for the representation model (<c>YamlStream.Load(IParser)</c>) and
/// adds what the model lacks for good error messages:
/// <list type="bullet">
/// <item>the dotted path of the current position (<c>roles.tech_lead.term_months</c>, <c>people[3]</c>),
/// used to name the setting next to a syntax error;</item>
/// <item>duplicate keys in a mapping: the model throws on the first one and stops; this wrapper reports
/// each duplicate and drops it (the first occurrence stays), so parsing continues and every error is
/// reported.</item>
/// </list>
/// </summary>
internal sealed class TrackingParser(IParser inner, Action<Mark, string, string> reportDuplicate) : IParser
{
    private readonly List<Frame> frames = [];

    public ParsingEvent Current { get; private set; } = null!;

    /// <summary>Start of the last event read: the best position to blame when the scanner fails.</summary>
    public Mark LastMark { get; private set; } = new(0, 1, 1);

    /// <summary>Dotted path of the node being read, or "" at the root.</summary>
    public string Path
    {
        get
        {
            var path = "";
            for (var i = 0; i < frames.Count; i++)
            {
                var frame = frames[i];
                var last = i == frames.Count - 1;
                if (frame.IsMapping && frame.Key is not null && (!last || !frame.ExpectingKey))
                {
                    path = ConfigNode.Join(path, frame.Key);
                }
                else if (!frame.IsMapping && frame.Index >= 0)
                {
                    path += $"[{frame.Index}]";
                }
            }
            return path;
        }
    }

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var ev = inner.Current!;
            LastMark = ev.Start;
            if (IsDuplicateKey(ev))
            {
                SkipNextNode();
                continue;
            }
            Track(ev);
            Current = ev;
            return true;
        }
        Current = null!;
        return false;
    }

    private bool IsDuplicateKey(ParsingEvent ev)
    {
        if (ev is not Scalar key || frames.Count == 0 || frames[^1] is not { IsMapping: true, ExpectingKey: true } map)
        {
            return false;
        }
        if (map.Keys.TryGetValue(key.Value, out var first))
        {
            var path = ConfigNode.Join(Path, key.Value);
            reportDuplicate(key.Start, path, $"duplicate key '{key.Value}' (first set on line {first.Line}); remove one of them");
            return true;
        }
        map.Keys.Add(key.Value, key.Start);
        return false;
    }

    /// <summary>Skips the value of a dropped duplicate key: one scalar or alias, or a whole collection.</summary>
    private void SkipNextNode()
    {
        var depth = 0;
        do
        {
            if (!inner.MoveNext())
            {
                return;
            }
            depth += inner.Current!.NestingIncrease;
        }
        while (depth > 0);
    }

    private void Track(ParsingEvent ev)
    {
        switch (ev)
        {
            case DocumentStart:
                frames.Clear();
                break;
            case Scalar or AnchorAlias:
                BeginNode(ev);
                EndNode();
                break;
            case MappingStart or SequenceStart:
                BeginNode(ev);
                frames.Add(new Frame { IsMapping = ev is MappingStart });
                break;
            case MappingEnd or SequenceEnd:
                frames.RemoveAt(frames.Count - 1);
                EndNode();
                break;
            default:
                break;
        }
    }

    private void BeginNode(ParsingEvent ev)
    {
        if (frames.Count == 0)
        {
            return;
        }
        var parent = frames[^1];
        if (parent.IsMapping && parent.ExpectingKey)
        {
            parent.Key = ev is Scalar scalar ? scalar.Value : "(complex key)";
        }
        else if (!parent.IsMapping)
        {
            parent.Index++;
        }
    }

    private void EndNode()
    {
        if (frames.Count > 0 && frames[^1].IsMapping)
        {
            frames[^1].ExpectingKey = !frames[^1].ExpectingKey;
        }
    }

    private sealed class Frame
    {
        public bool IsMapping { get; init; }

        public bool ExpectingKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; } = -1;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }
}
