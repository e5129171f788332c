using System.Text;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// The result comment posted when an election closes (and again when a <c>/break-tie</c> ends a tie):
/// the tally as of the close, who is elected with their terms, ties, unmet minimums and links to every
/// counted position.
/// </summary>
/// <remarks>
/// The text is a function of the tally as of the close alone (no clock, no roster pull request state,
/// no re-election flags that change once the roster is merged), so a retried close posts identical text.
/// It starts with a hidden marker naming <see cref="Key"/>: the host posts one result comment per key
/// and never edits it, which makes the posted comment the frozen record of the result.
/// </remarks>
public static class ElectionResult
{
    /// <summary>
    /// The comment the current result belongs to: the <c>/break-tie</c> that made it final, else the close.
    /// Null while the election is open.
    /// </summary>
    public static long? Key(ElectionTally tally) => tally.Outcome is { } o ? (o.FinalizedBy ?? o.Close.Source).Id : null;

    public static string Marker(long key) => Markers.ElectionResult(key);

    /// <summary>TagBot's latest result comment on <paramref name="issue"/>, or null when none is posted.</summary>
    public static Issues.IssueComment? Latest(Issues.IssueSnapshot issue) =>
        issue.Comments.Where(c => c.ByTagBot && IsResult(c.Body)).OrderBy(c => c.CreatedAt).LastOrDefault();

    /// <summary>Whether <paramref name="body"/> is a result comment of TagBot's.</summary>
    public static bool IsResult(string body) => Markers.IsElectionResult(body);

    /// <summary>The result comment, or null while the election is open.</summary>
    /// <param name="publishedAt">With a secret ballot: the path of the published ballots in the roster pull request, if one is opened.</param>
    public static string? Render(ElectionTally tally, string? publishedAt = null)
    {
        if (tally.Outcome is not { } outcome || Key(tally) is not { } key)
        {
            return null;
        }

        var rules = tally.Rules;
        var text = new StringBuilder();
        text.Append(Marker(key)).Append('\n');
        text.Append("## Election result: `").Append(tally.Role).Append("` — ")
            .Append(outcome.IsFinal ? "final" : "tied, waiting for `/break-tie`").Append("\n\n");
        text.Append(outcome.Close.Sentence()).Append(". Nothing after the close changes this result.\n\n");
        text.Append("**Rule:** ").Append(tally.Secret is null ? ElectionText.Rule(rules) : Voting.SecretBallotText.Rule(rules)).Append("\n\n");
        if (tally.SeatsUp is { } seats)
        {
            text.Append("**Seats up:** ").Append(SeatsLine(seats)).Append("\n\n");
        }

        text.Append("**Turnout:** ").Append(tally.Turnout.Describe()).Append(".\n\n");
        ElectionText.TieBreaks(text, tally.TieBreaks);
        if (tally.BelowQuorum)
        {
            text.Append(BelowQuorum(tally));
        }
        else
        {
            ElectionText.Allocation(text, outcome.Allocation, tally.Nominees, outcome.NewTerm, Voting.SecretBallotText.Measure(tally.Secret));
        }

        if (tally.Secret is { } vote)
        {
            Voting.SecretBallotText.Result(text, vote, publishedAt);
        }

        if (outcome.IsFinal && !tally.BelowQuorum)
        {
            text.Append("New terms start ").Append(Dates.Day(outcome.TermStart!.Value)).Append(", the UTC date of ")
                .Append(Markdown.Link("the comment that made the result final", outcome.FinalizedBy!.Url))
                .Append(". TagBot opens a pull request that updates the roster.\n\n");
        }

        text.Append("### Tally as of the close\n\n");
        ElectionText.Nominees(text, tally.Nominees, rules, showIncumbents: false);
        text.Append(tally.Secret is null ? "### Positions counted\n\n" : "### Endorsements counted\n\n");
        ElectionText.Positions(text, tally.Positions);
        if (tally.Digest is { } digest)
        {
            text.Append(digest.Render());
        }

        return text.ToString();
    }

    /// <summary>Why a closed election elects nobody: the quorum, and what a chair can do.</summary>
    public static string BelowQuorum(ElectionTally tally) =>
        $"**Below quorum: nobody is elected.** {tally.Turnout.Describe()}, so the result seats nobody and TagBot opens no roster "
        + "pull request. A chair may `/reopen-election` to let more voters take part, then close again.\n\n";

    private static string SeatsLine(SeatsUp seats)
    {
        var parts = seats.Regions.Where(r => r.Up is not null).Select(r => $"{r.Region} {r.Up}").ToList();
        if (seats.TotalUp is { } total)
        {
            parts.Add($"{ElectionText.Seats(total)} in all");
        }

        return parts.Count == 0 ? "no cap (every electable nominee is elected)." : string.Join(", ", parts) + ".";
    }
}
