using System.Text;
using TagBot.Core.Governance;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>
/// The election's status comment: the role, the seats up per region, the electorate, a
/// table of nominees with their counts and electability, every counted position with a link, what
/// is not counted and why, what is still missing, and once closed the result.
/// </summary>
public static class ElectionStatus
{
    public static string Render(ElectionTally tally, Authority authority, IReadOnlyList<string> warnings)
    {
        var policy = authority.Policy;
        var rules = tally.Rules;
        var text = new StringBuilder();
        StatusText.Header(text, "Election", Stage(tally), warnings);
        foreach (var problem in tally.Problems)
        {
            text.Append("> [!CAUTION]\n> ").Append(problem).Append("\n\n");
        }

        text.Append("**Role:** `").Append(tally.Role).Append('`');
        if (policy.RoleOrNull(tally.Role) is { } role && tally.Problems.Count == 0)
        {
            text.Append(", ").Append(role.TermMonths).Append("-month terms");
        }

        text.Append(".\n\n");
        if (tally.SeatsUp is { } seats)
        {
            SeatsUp(text, seats);
        }

        text.Append("**Electorate:** ").Append(tally.Electorate.Describe(policy.Roster.Path)).Append("\n\n");
        tally.Frozen?.Describe(text);
        if (tally.Phases.Describe() is { Length: > 0 } deadlines)
        {
            text.Append("**Deadlines (UTC):** ").Append(deadlines)
                .Append(tally.Phases.VotingCloses is not null ? " At the voting deadline TagBot closes the election as `/close-election` would." : "")
                .Append("\n\n");
        }

        if (tally.Reopenings.Count > 0)
        {
            text.Append("**History:**\n\n");
            foreach (var reopening in tally.Reopenings)
            {
                text.Append("- ").Append(reopening.Undone.Sentence())
                    .Append("; reopened by @").Append(reopening.Chair).Append(" in ").Append(Markdown.Link("this comment", reopening.Source.Url))
                    .Append(" on ").Append(Markdown.Date(reopening.Source.At)).Append(": ").Append(reopening.Reason).Append('\n');
            }

            text.Append('\n');
        }
        text.Append("**Rule:** ").Append(tally.Secret is null ? ElectionText.Rule(rules) : Voting.SecretBallotText.Rule(rules)).Append("\n\n");
        if (rules.Quorum is not null && tally.Secret is null)
        {
            text.Append("**Turnout:** ").Append(tally.Turnout.Describe()).Append(".\n\n");
        }

        text.Append("**Triage:** ").Append(TriageText(tally)).Append("\n\n");

        text.Append("### Nominees\n\n");
        ElectionText.Nominees(text, tally.Nominees, rules, showIncumbents: true);
        if (tally.Secret is { } vote)
        {
            Voting.SecretBallotText.Status(text, vote, tally);
        }

        if (tally.Outcome is { } outcome)
        {
            text.Append("### Result\n\n").Append(outcome.Close.Sentence())
                .Append("; the tally above is as of the close.\n\n");
            ElectionText.TieBreaks(text, tally.TieBreaks);
            if (tally.BelowQuorum)
            {
                text.Append(ElectionResult.BelowQuorum(tally));
            }
            else
            {
                ElectionText.Allocation(text, outcome.Allocation, tally.Nominees, outcome.NewTerm, Voting.SecretBallotText.Measure(tally.Secret));
                if (outcome.IsFinal)
                {
                    Roster(text, tally, outcome);
                }
            }
        }
        else if (tally.Provisional is { } provisional)
        {
            text.Append("### If the election closed now\n\n");
            ElectionText.Allocation(text, provisional, tally.Nominees, null);
        }

        if (tally.Missing.Count > 0)
        {
            text.Append("**Still missing:**\n\n");
            foreach (var item in tally.Missing)
            {
                text.Append("- ").Append(item).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(tally.Secret is null ? "### Positions\n\n" : "### Endorsements\n\n");
        ElectionText.Positions(text, tally.Positions);
        if (tally.Uncounted.Count > 0)
        {
            text.Append("### Not counted\n\n| Person | What | Why | Comment |\n|---|---|---|---|\n");
            foreach (var u in tally.Uncounted)
            {
                text.Append("| @").Append(u.Login).Append(" | ").Append(u.What).Append(" | ").Append(u.Why)
                    .Append(" | ").Append(Markdown.Link("comment", u.Source.Url)).Append(" |\n");
            }

            text.Append('\n');
        }

        StatusText.Footer(text, authority);
        return text.ToString();
    }

    private static void SeatsUp(StringBuilder text, SeatsUp seats)
    {
        text.Append("### Seats up\n\nAs of the issue's creation (").Append(Dates.Day(seats.AsOf))
            .Append("); the next election is due ").Append(Dates.Day(seats.NextElection))
            .Append(". A seat is up when its holder's term ends before then; holders up for re-election must be nominated like anyone else.\n\n");
        if (seats.Regions.Count > 0 && seats.Regions.Any(r => r.Cap is not null || r.Minimum > 0))
        {
            text.Append("| Region | Maximum | Continuing | Up | Minimum |\n|---|---|---|---|---|\n");
            foreach (var region in seats.Regions)
            {
                text.Append("| ").Append(region.Region)
                    .Append(" | ").Append(region.Cap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no cap")
                    .Append(" | ").Append(region.Continuing)
                    .Append(" | ").Append(region.Up?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no cap")
                    .Append(" | ").Append(region.Minimum == 0 ? "—" : region.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" |\n");
            }

            text.Append('\n');
        }

        if (seats.TotalCap is { } cap)
        {
            text.Append("**Total:** ").Append(ElectionText.Seats(cap)).Append(", ").Append(seats.Continuing.Count)
                .Append(" continuing, ").Append(seats.TotalUp).Append(" up.\n\n");
        }

        if (seats.Uncapped)
        {
            text.Append("No cap: every electable nominee is elected")
                .Append(seats.MaxPerCompany is { } m ? $" (within `max_per_company: {m}`)" : "").Append(".\n\n");
        }
        else if (seats.MaxPerCompany is { } max)
        {
            text.Append("At most ").Append(max).Append(" holders from one company, continuing holders included.\n\n");
        }

        if (seats.Continuing.Count > 0)
        {
            text.Append("**Continuing:** ").Append(string.Join(", ", seats.Continuing.Select(h =>
                $"@{h.GitHub} ({h.Region ?? "no region"}, {(h.Term is { } t ? "until " + Dates.Day(t.End) : "no end date")})"))).Append(".\n\n");
        }

        if (seats.Expiring.Count > 0)
        {
            text.Append("**Up for re-election:** ").Append(string.Join(", ", seats.Expiring.Select(h =>
                $"@{h.GitHub} ({h.Region ?? "no region"}, term ends {Dates.Day(h.Term!.End)})"))).Append(".\n\n");
        }
    }

    private static void Roster(StringBuilder text, ElectionTally tally, ElectionOutcome outcome)
    {
        text.Append("**Roster change:** terms start ").Append(Dates.Day(outcome.TermStart!.Value))
            .Append(", the UTC date of ").Append(Markdown.Link("the comment that made the result final", outcome.FinalizedBy!.Url)).Append('.');
        var reelected = outcome.Seats.Where(s => s.Reelected).ToList();
        if (reelected.Count > 0)
        {
            text.Append(" Re-elected: ").Append(ElectionText.Mentions(reelected.Select(s => s.GitHub))).Append('.');
        }

        if (outcome.Retirements.Count > 0)
        {
            text.Append(" Moving to emeritus: ").Append(string.Join(", ", outcome.Retirements.Select(r =>
                $"@{r.GitHub}{(r.Term is { } t ? " (term ended " + Dates.Day(t.End) + ")" : "")}"))).Append('.');
        }

        text.Append(' ').Append(tally.PullRequest switch
        {
            RosterPullRequestState.Open => "The roster pull request is open for review.",
            RosterPullRequestState.Merged => "The roster pull request is merged: the roster is updated.",
            RosterPullRequestState.ClosedUnmerged => "The roster pull request was closed without merging; the roster is unchanged.",
            _ => "The roster pull request is being opened.",
        }).Append("\n\n");
    }

    private static string TriageText(ElectionTally tally) => tally.Triage switch
    {
        { Done: true, By: { } by, Source: { } source } => $"done by @{by} in {Markdown.Link("this comment", source.Url)}.",
        { Done: true } when tally.Close is not null => "not needed after the close.",
        { Done: true } => "done (the triage label was removed).",
        _ => "pending: a chair or lead comments `/triage` (nominations and positions count meanwhile).",
    };

    private static string Stage(ElectionTally tally) => tally.Stage switch
    {
        ElectionStage.Open => $"open (`{tally.Role}`)",
        ElectionStage.Tie => $"tied (`{tally.Role}`), waiting for `/break-tie`",
        ElectionStage.Closed => $"closed (`{tally.Role}`)",
        _ => tally.Stage.ToString(),
    };
}
