using System.Text;

namespace TagBot.Core.Rosters;

/// <summary>
/// A text seen as lines, for edits that must leave every other byte alone: each line keeps its own line
/// break, new lines use the file's break (CRLF when the file's first break is CRLF), and a file without a
/// trailing line break keeps lacking one. Edits return the new text; the instance is not changed.
/// </summary>
internal sealed class TextLines
{
    private readonly List<int> starts = [];

    public TextLines(string text)
    {
        Text = text;
        if (text.Length > 0)
        {
            starts.Add(0);
        }
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        NewLine = firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";
    }

    public string Text { get; }

    /// <summary>The line break new lines get.</summary>
    public string NewLine { get; }

    public int Count => starts.Count;

    /// <summary>Line <paramref name="line"/> (0-based) without its line break.</summary>
    public string this[int line] => Text[starts[line]..EndOf(line)];

    public int StartOf(int line) => starts[line];

    /// <summary>Where line <paramref name="line"/> ends, before its line break.</summary>
    public int EndOf(int line)
    {
        var next = NextOf(line);
        if (next > starts[line] && Text[next - 1] == '\n')
        {
            next--;
            if (next > starts[line] && Text[next - 1] == '\r')
            {
                next--;
            }
        }
        return next;
    }

    /// <summary>The 0-based line holding the character at <paramref name="index"/>.</summary>
    public int LineAt(int index)
    {
        var found = starts.BinarySearch(index);
        return found >= 0 ? found : Math.Max(0, ~found - 1);
    }

    /// <summary>Inserts <paramref name="lines"/> after line <paramref name="line"/> (-1: before the first line).</summary>
    public string InsertAfter(int line, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        if (line >= 0 && !HasBreak(line))
        {
            foreach (var added in lines)
            {
                text.Append(NewLine).Append(added);
            }
            return Text + text;
        }
        foreach (var added in lines)
        {
            text.Append(added).Append(NewLine);
        }
        return Text.Insert(line < 0 ? 0 : NextOf(line), text.ToString());
    }

    /// <summary>Inserts <paramref name="lines"/> after the last line.</summary>
    public string Append(IEnumerable<string> lines) => InsertAfter(Count - 1, lines);

    /// <summary>Removes lines <paramref name="first"/> to <paramref name="last"/>, with their line breaks.</summary>
    public string Remove(int first, int last)
    {
        if (HasBreak(last) || first == 0)
        {
            return Text.Remove(starts[first], NextOf(last) - starts[first]);
        }
        // The last line has no break: drop the break before the first removed line instead, so the file
        // still ends without one.
        var from = EndOf(first - 1);
        return Text.Remove(from, Text.Length - from);
    }

    /// <summary>Replaces the characters from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    public string Replace(int start, int end, string replacement) =>
        string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(end));

    private bool HasBreak(int line) => NextOf(line) > starts[line] && Text[NextOf(line) - 1] == '\n';

    private int NextOf(int line) => line + 1 < starts.Count ? starts[line + 1] : Text.Length;
}
