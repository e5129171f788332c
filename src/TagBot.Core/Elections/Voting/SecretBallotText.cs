using System.Text;
using TagBot.Core.Elections.Ballots;
using TagBot.Core.Status;

namespace TagBot.Core.Elections.Voting;

/// <summary>The markdown a secret ballot adds to the status and result comments.</summary>
public static class SecretBallotText
{
    /// <summary>The result comment inlines the published ballots up to this size; beyond it they are only in the roster pull request.</summary>
    public const int InlineLimit = 30_000;

    private const string InlineOpening = "<details><summary>ballots.csv</summary>\n\n```csv\n";

    private const string InlineClosing = "```\n";

    /// <summary>The published ballots a result comment inlines, or null when it has none (too large: see the roster pull request).</summary>
    public static string? InlineSheet(string resultBody)
    {
        var start = resultBody.IndexOf(InlineOpening, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += InlineOpening.Length;
        var end = resultBody.IndexOf(InlineClosing, start, StringComparison.Ordinal);
        return end < 0 ? null : resultBody[start..end];
    }

    /// <summary>The electability and counting rule, replacing the comment rule's "ranked by binding supports".</summary>
    public static string Rule(Policies.ElectionPolicy rules) =>
        $"Secret {Kind(rules.BallotType)} ballot. A nominee is on the ballot when voting opens if "
        + (rules.NomineeMustAccept ? "they have accepted (a self-nomination counts)" : "they have not declined")
        + $" and have at least {ElectionText.Plural(rules.SupportRequired, "endorsement", "endorsements")} (a binding `/support` before voting opens)"
        + (rules.ObjectionsVeto ? " and no open binding objection" : "")
        + ". Candidates are ranked by the count of the ballots at the close; "
        + (rules.TieBreak == Policies.TieBreak.EarliestNomination
            ? "a tie at the cut-off is resolved by the earliest nomination."
            : "a tie at the cut-off is resolved by a chair with `/break-tie @user`.");

    /// <summary>What the status shows of the vote: the phase, the page, the candidates and who has voted (never how).</summary>
    public static void Status(StringBuilder text, SecretVote vote, ElectionTally tally)
    {
        text.Append("### Voting\n\n");
        if (tally.Stage != ElectionStage.Open)
        {
            text.Append("Voting ").Append(vote.Opening?.Describe() ?? "never opened").Append(" and is closed; the result below counts the sealed ballots.\n\n");
        }
        else if (vote.Opening is { } opening)
        {
            text.Append("**Voting is open** (").Append(opening.Describe()).Append("). ");
            text.Append(vote.PageUrl is { } url
                ? $"Voters cast a secret {Kind(vote.Kind)} ballot on {Markdown.Link("the ballot page", url)} after signing in with GitHub, and may change it until the close; the last one counts."
                : "> [!WARNING]\n> This TagBot has no ballot page configured (`GitHub__ClientId`, `TagBot__PublicUrl`), so nobody can vote yet: ask its operator.");
            text.Append(" No tally is shown until the close.\n\n");
            text.Append("**Candidates:** ").Append(vote.Candidates.Count == 0 ? "none" : ElectionText.Mentions(vote.Candidates.Select(c => c.Nominee))).Append(".\n\n");
        }
        else
        {
            text.Append("Nominations are open. With a secret ballot, `/support @user` now is an endorsement: it counts towards the ")
                .Append(ElectionText.Plural(tally.Rules.SupportRequired, "endorsement", "endorsements"))
                .Append(" a nominee needs to be on the ballot, and is not a vote. ")
                .Append(tally.Phases.NominationsClose is { } n ? $"Voting opens at {Dates.Moment(n)}, or earlier when a chair comments `/open-voting`." : "Voting opens when a chair comments `/open-voting`.")
                .Append("\n\n");
        }

        if (vote.VotingOpen)
        {
            // Who voted is named while the vote runs (a nudge for the rest); after the close the count stands alone, so
            // the closed status follows from the issue and the published ballots, as `audit` recomputes it.
            var open = tally.Stage == ElectionStage.Open;
            text.Append("**Turnout:** ").Append(tally.Turnout.Describe())
                .Append(open && vote.Voters.Count > 0 ? ": " + ElectionText.Mentions(vote.Voters) + "." : ".")
                .Append(" How anyone voted is secret.\n\n");
        }
    }

    /// <summary>The count in the result comment, and where the anonymized ballots are published.</summary>
    public static void Result(StringBuilder text, SecretVote vote, string? publishedAt)
    {
        if (vote.Count is not { } count)
        {
            return;
        }

        text.Append("### Count of the secret ballots\n\n")
            .Append(ElectionText.Plural(vote.Ballots.Count, "ballot", "ballots")).Append(" cast. ")
            .Append(BallotResultText.Render(count)).Append('\n');
        var csv = BallotSheet.Write(count.Candidates, vote.Ballots);
        text.Append("**Published ballots:** every ballot, without its voter, under its receipt code")
            .Append(publishedAt is null ? "" : $" (in the roster pull request: `{publishedAt}`)")
            .Append(". Each voter can find their receipt code; `tagbot audit` recounts them to this result.\n\n");
        if (csv.Length <= InlineLimit)
        {
            text.Append(InlineOpening).Append(csv).Append(csv.EndsWith('\n') ? "" : "\n").Append(InlineClosing).Append("\n</details>\n\n");
        }
    }

    /// <summary>The allocation table's column for a secret ballot's count; null for comment votes.</summary>
    public static string? Measure(SecretVote? vote) => vote is null
        ? null
        : vote.Kind == BallotKind.Ranked ? "Candidates ranked below (Schulze)" : "Approvals";

    public static string Kind(BallotKind kind) => kind == BallotKind.Ranked ? "ranked (Schulze)" : "approval";
}
