using System.Globalization;
using System.Text;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Ballots;

/// <summary>
/// The count in Markdown, for the election's result comment: the order with each candidate's place and score,
/// the ballots not counted and why, and for ranked ballots the matrices d and p (as Elekto's results page shows
/// them), folded in a <c>&lt;details&gt;</c> block so 20 candidates stay readable.
/// </summary>
/// <remarks>
/// Places are shared by a tier and skip after it (1, 1, 3). The matrices list candidates in result order and
/// number their columns, so a row reads "how this candidate fares against each other one"; a cell where the row
/// candidate has the upper hand (d[x,y] &gt; d[y,x], or p[x,y] &gt; p[y,x]) is bold, the diagonal is "—".
/// </remarks>
public static class BallotResultText
{
    public static string Render(BallotResult result)
    {
        var text = new StringBuilder();
        var ranked = result.Kind == BallotKind.Ranked;
        text.Append(ranked ? "**Ranked ballots, counted by the Schulze method.** " : "**Approval ballots.** ")
            .Append(Ballots(result.Counted)).Append(" counted");
        if (result.Invalid.Count > 0)
        {
            text.Append(", ").Append(Ballots(result.Invalid.Count)).Append(" not counted");
        }

        text.Append(".\n\n");
        var ordered = result.Order.SelectMany(t => t).ToList();
        if (ordered.Count > 0)
        {
            text.Append("| Place | Candidate | ").Append(ranked ? "Candidates below" : "Approvals").Append(" |\n|---|---|---|\n");
            var place = 1;
            foreach (var tier in result.Order)
            {
                foreach (var login in tier)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {place}{(tier.Count > 1 ? " (tied)" : "")} | {Mention(login)} | {result.Score(login)} |\n");
                }

                place += tier.Count;
            }

            text.Append('\n');
        }

        if (result.Invalid.Count > 0)
        {
            text.Append("Not counted:\n\n");
            foreach (var invalid in result.Invalid)
            {
                var which = invalid.Receipt is null ? $"ballot {invalid.Number}" : $"ballot `{invalid.Receipt.Replace("`", "'", StringComparison.Ordinal)}`";
                text.Append(CultureInfo.InvariantCulture, $"- {which}: {ElectionText.Safe(invalid.Reason)}.\n");
            }

            text.Append('\n');
        }

        if (result.Schulze is { } m && ordered.Count > 1)
        {
            var rows = ordered.Select(m.IndexOf).ToList();
            text.Append("<details><summary>Pairwise preferences (d) and strongest paths (p)</summary>\n\n")
                .Append("d: ballots ranking the row's candidate above the column's. ")
                .Append("p: the strength of the strongest path from the row's candidate to the column's (a path is as strong as its weakest win). ")
                .Append("Bold: the row's candidate has the upper hand; whoever has it in p is placed higher.\n\n");
            Matrix(text, "d", m.D, rows, ordered);
            Matrix(text, "p", m.P, rows, ordered);
            text.Append("</details>\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void Matrix(StringBuilder text, string name, IReadOnlyList<IReadOnlyList<int>> values, IReadOnlyList<int> rows, IReadOnlyList<string> logins)
    {
        text.Append("| ").Append(name).Append(" | ").AppendJoin(" | ", Enumerable.Range(1, rows.Count)).Append(" |\n|---|")
            .Append(string.Concat(Enumerable.Repeat("---|", rows.Count))).Append('\n');
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {r + 1} {Mention(logins[r])} |");
            for (var c = 0; c < rows.Count; c++)
            {
                var (x, y) = (rows[r], rows[c]);
                text.Append(' ').Append(
                    r == c ? "—"
                    : values[x][y] > values[y][x] ? $"**{values[x][y]}**"
                    : values[x][y].ToString(CultureInfo.InvariantCulture)).Append(" |");
            }

            text.Append('\n');
        }

        text.Append('\n');
    }

    private static string Mention(string login) => "@" + Markdown.Escape(login);

    private static string Ballots(int n) => n == 1 ? "1 ballot" : $"{n} ballots";
}
