using System.Text;

namespace TagBot.Core.Rosters;

/// <summary>
/// A short unified diff of a roster edit, for the pull request body and <c>simulate</c>: hunks headed
/// <c>@@ -12,4 +12,5 @@</c>, removed lines prefixed <c>-</c>, added lines <c>+</c>, and a few unchanged lines of
/// context <c> </c> around them. Line breaks are not compared (a CRLF file diffs like its LF twin).
/// </summary>
public static class RosterDiff
{
    /// <summary>Above this many line pairs between the first and last change, the changed block is shown whole.</summary>
    private const long MaxComparisons = 4_000_000;

    /// <returns>The diff, each line ending with <c>\n</c>; empty when the texts have the same lines.</returns>
    public static string Render(string before, string after, int context = 2)
    {
        var edits = Edits(Lines(before), Lines(after));
        var diff = new StringBuilder();
        var changed = edits.Select((e, i) => (e, i)).Where(x => x.e.Kind != ' ').Select(x => x.i).ToList();
        for (var c = 0; c < changed.Count;)
        {
            var first = Math.Max(0, changed[c] - context);
            var last = changed[c];
            // Changes at most 2 × context unchanged lines apart share a hunk, as with diff -u.
            while (++c < changed.Count && changed[c] - last - 1 <= 2 * context)
            {
                last = changed[c];
            }
            last = Math.Min(edits.Count - 1, last + context);
            var hunk = edits.Skip(first).Take(last - first + 1).ToList();
            var (removed, added) = (hunk.Count(e => e.Kind != '+'), hunk.Count(e => e.Kind != '-'));
            diff.Append($"@@ -{Start(edits[first].Old, removed)},{removed} +{Start(edits[first].New, added)},{added} @@\n");
            foreach (var edit in hunk)
            {
                diff.Append(edit.Kind).Append(edit.Text).Append('\n');
            }
        }
        return diff.ToString();
    }

    /// <summary>One line of the diff; <paramref name="Old"/> and <paramref name="New"/> count the lines of each text before it.</summary>
    private sealed record Edit(char Kind, string Text, int Old, int New);

    /// <summary>A hunk's 1-based first line, or the line before it when the hunk has no lines on that side.</summary>
    private static int Start(int before, int count) => count == 0 ? before : before + 1;

    private static string[] Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return text.Length == 0 || text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>The lines of both texts as kept, removed and added lines, by longest common subsequence.</summary>
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var (n, m) = (a.Length - prefix - suffix, b.Length - prefix - suffix);
        var common = (long)n * m <= MaxComparisons ? CommonLengths(a[prefix..^suffix], b[prefix..^suffix]) : null;
        int Common(int i, int j) => common?[i, j] ?? 0;
        var edits = new List<Edit>();
        var (x, y) = (0, 0);
        void Add(char kind, string text) => edits.Add(new(kind, text, x, y));
        while (x < prefix)
        {
            Add(' ', a[x]);
            (x, y) = (x + 1, y + 1);
        }
        while (x < a.Length - suffix || y < b.Length - suffix)
        {
            var (i, j) = (x - prefix, y - prefix);
            if (i < n && j < m && a[x] == b[y] && Common(i, j) == Common(i + 1, j + 1) + 1)
            {
                Add(' ', a[x]);
                (x, y) = (x + 1, y + 1);
            }
            else if (i < n && (j == m || Common(i + 1, j) >= Common(i, j + 1)))
            {
                Add('-', a[x]);
                x++;
            }
            else
            {
                Add('+', b[y]);
                y++;
            }
        }
        while (x < a.Length)
        {
            Add(' ', a[x]);
            (x, y) = (x + 1, y + 1);
        }
        return edits;
    }

    /// <summary>[i, j]: the length of the longest common subsequence of <paramref name="a"/>[i..] and <paramref name="b"/>[j..].</summary>
    private static int[,] CommonLengths(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        return common;
    }
}
