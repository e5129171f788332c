namespace TagBot.Core.Rosters;

/// <summary>The edited text, or the node whose layout prevents the edit and why.</summary>
internal readonly record struct YamlEdit(string? Text, YamlSyntax? Blocker = null, string? Why = null)
{
    public static implicit operator YamlEdit(string text) => new(text);

    public static YamlEdit Inline(YamlSyntax node) => new(null, node,
        "is written inline ([...] or {...}); write it one item per line (block style) so that TagBot can edit it");
}

/// <summary>
/// Line-based edits of block YAML: append items to a list (creating the keys leading to it), remove an item,
/// replace scalars. Only the lines of the items concerned change; comments, blank lines and every other byte
/// stay as they are. Inline (flow) lists and maps are edited only when empty (<c>[]</c>, <c>{}</c>): rewriting a
/// non-empty one would reformat lines the edit does not concern, so they are reported instead.
/// </summary>
internal static class YamlBlockEdits
{
    private const int Indent = 2;

    /// <summary>
    /// Appends <paramref name="item"/> to the list at <paramref name="path"/> below <paramref name="parent"/> (null:
    /// an empty document), after its last item, creating the missing keys after the last entry of the deepest
    /// map that exists (at the end of the file for a key of the document).
    /// </summary>
    public static YamlEdit Append(
        string text, YamlMap? parent, IReadOnlyList<string> path, YamlItemStyle style, IReadOnlyList<YamlField> item)
    {
        var lines = new TextLines(text);
        if (parent is null)
        {
            return lines.Append(Create(path, 0, style, item));
        }
        for (var i = 0; ; i++)
        {
            if (parent.IsFlow)
            {
                return YamlEdit.Inline(parent);
            }
            if (parent.Entry(path[i]) is not { } entry)
            {
                // A block map at column 1 is the document: its new key goes at the end of the file.
                var after = parent.Position.Column == 1 ? lines.Count - 1 : LastLine(lines, parent);
                return lines.InsertAfter(after, Create(path.Skip(i).ToList(), parent.Position.Column - 1, style, item));
            }
            var (key, value) = entry;
            var last = i == path.Count - 1;
            switch (value)
            {
                case YamlList { IsFlow: false } list when last:
                    var dash = DashOf(text, list.Items[0]);
                    return lines.InsertAfter(LastLine(lines, list), style.Render(dash - lines.StartOf(lines.LineAt(dash)), item));
                case YamlMap { IsFlow: false } map when !last:
                    parent = map;
                    continue;
                case YamlScalar { IsNull: true }:
                case YamlCollection { IsFlow: true, IsEmpty: true }:
                    // `key:`, `key: []` or `key: {}`: the item (and keys) go on the lines after the key, which keeps
                    // any comment on its line.
                    var keyLine = lines.LineAt(key.Start);
                    var cleared = new TextLines(value is YamlScalar ? text : RemoveWithSpaceBefore(text, value));
                    return cleared.InsertAfter(keyLine, Create(path.Skip(i + 1).ToList(), key.Position.Column - 1 + Indent, style, item));
                default:
                    return YamlEdit.Inline(value);
            }
        }
    }

    /// <summary>
    /// Inserts <paramref name="item"/> into <paramref name="list"/>, a block list, just before its item
    /// <paramref name="before"/> and at that item's indentation: for lists kept in an order (Kubernetes' leads, by login).
    /// </summary>
    public static YamlEdit InsertBefore(string text, YamlList list, YamlSyntax before, YamlItemStyle style, IReadOnlyList<YamlField> item)
    {
        if (list.IsFlow)
        {
            return YamlEdit.Inline(list);
        }
        var lines = new TextLines(text);
        var dash = DashOf(text, before);
        var line = lines.LineAt(dash);
        return lines.InsertAfter(line - 1, style.Render(dash - lines.StartOf(line), item));
    }

    /// <summary>
    /// Removes <paramref name="item"/> from <paramref name="list"/>, the value of <paramref name="key"/>; a list
    /// left empty becomes <c>key: []</c>, so that it still reads as a list.
    /// </summary>
    public static YamlEdit Remove(string text, YamlScalar key, YamlList list, YamlSyntax item)
    {
        if (list.IsFlow)
        {
            return YamlEdit.Inline(list);
        }
        var lines = new TextLines(text);
        var removed = lines.Remove(lines.LineAt(DashOf(text, item)), LastLine(lines, item));
        if (list.Items.Count > 1)
        {
            return removed;
        }
        var colon = removed.IndexOf(':', key.End);
        return removed.Insert(colon + 1, " []");
    }

    /// <summary>
    /// Replaces the dates of <paramref name="item"/>'s <c>term: { start, end }</c> in place, each quoted as it was.
    /// </summary>
    public static YamlEdit ReplaceTerm(string text, YamlMap item, Term term)
    {
        if (item["term"] is not YamlMap { } map || map["start"] is not YamlScalar start || map["end"] is not YamlScalar end)
        {
            return new(null, item["term"] ?? item, "has an entry without a term { start, end } to replace");
        }
        // The end first, so that the start's offsets still hold.
        return Replace(Replace(text, end, Date(end, term.End)), start, Date(start, term.Start));
    }

    /// <summary>Where the dash of a block list item is (the item's own start when no dash precedes it).</summary>
    public static int DashOf(string text, YamlSyntax item)
    {
        var at = item.Start - 1;
        while (at >= 0 && char.IsWhiteSpace(text[at]))
        {
            at--;
        }
        return at >= 0 && text[at] == '-' ? at : item.Start;
    }

    private static string Replace(string text, YamlScalar scalar, string replacement) =>
        string.Concat(text.AsSpan(0, scalar.Start), replacement, text.AsSpan(scalar.End));

    private static string Date(YamlScalar like, DateOnly date) => YamlItemStyle.Date(date, like.Style);

    private static int LastLine(TextLines lines, YamlSyntax node) => lines.LineAt(Math.Max(node.Start, node.End - 1));

    /// <summary>The lines of <paramref name="keys"/> nested from <paramref name="column"/>, then the item below the last.</summary>
    private static IEnumerable<string> Create(IReadOnlyList<string> keys, int column, YamlItemStyle style, IReadOnlyList<YamlField> item)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            yield return $"{new string(' ', column + (i * Indent))}{keys[i]}:";
        }
        foreach (var line in style.Render(column + (keys.Count * Indent), item))
        {
            yield return line;
        }
    }

    /// <summary>Removes an empty inline value with the spaces before it on its line.</summary>
    private static string RemoveWithSpaceBefore(string text, YamlSyntax value)
    {
        var from = value.Start;
        while (from > 0 && text[from - 1] is ' ' or '\t')
        {
            from--;
        }
        return text.Remove(from, value.End - from);
    }
}
