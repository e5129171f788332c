using System.Text;
using TagBot.Core.Policies;
using TagBot.Core.Proposals;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Elections;

/// <summary>Markdown pieces shared by the election's status comment and its result comment.</summary>
internal static class ElectionText
{
    /// <summary>"@alice, @bob".</summary>
    public static string Mentions(IEnumerable<string> logins) => string.Join(", ", logins.Select(l => "@" + l));

    /// <summary>" (nominees: @alice, @bob)" in nomination order, for a refusal that names someone not nominated.</summary>
    public static string NomineeList(IEnumerable<Nomination> nominations)
    {
        var ordered = nominations.OrderBy(n => n.Order).Select(n => n.Nominee).ToList();
        return ordered.Count == 0 ? " (nobody is nominated yet)" : $" (nominees: {Mentions(ordered)})";
    }

    public static string Seats(int n) => n == 1 ? "1 seat" : $"{n} seats";

    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : Markdown.Escape(text);

    /// <summary>
    /// TagBot's own sentences in a table cell: they may quote commands in backticks, so only what
    /// would break the table (pipes, line breaks) is escaped. User text goes through <see cref="Markdown.Escape"/>.
    /// </summary>
    public static string Safe(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The electability rule of the policy, in one sentence.</summary>
    public static string Rule(ElectionPolicy rules) =>
        $"A nominee is electable when {(rules.NomineeMustAccept ? "they have accepted (a self-nomination counts)" : "they have not declined")}, "
        + $"with at least {Plural(rules.SupportRequired, "binding support", "binding supports")}"
        + (rules.ObjectionsVeto ? " and no open binding objection" : "; objections are recorded but do not veto")
        + ". Electable nominees are ranked by binding supports. A tie at the cut-off is "
        + (rules.TieBreak == TieBreak.EarliestNomination
            ? "resolved by the earliest nomination."
            : "resolved by a chair with `/break-tie @user`.");

    public static string Region(Nomination nomination) =>
        nomination.Region is null
            ? "—"
            : nomination.RosterRegion is { } roster && !string.Equals(roster, nomination.Region, StringComparison.Ordinal)
                ? $"{nomination.Region} (roster: {roster})"
                : nomination.Region;

    /// <summary>The table of nominees: counts and electability.</summary>
    /// <param name="showIncumbents">Mark incumbents; the result comment leaves it out, as the mark reads the roster, which the roster pull request changes.</param>
    public static void Nominees(StringBuilder text, IReadOnlyList<NomineeRow> rows, ElectionPolicy rules, bool showIncumbents)
    {
        if (rows.Count == 0)
        {
            text.Append("Nobody is nominated yet.\n\n");
            return;
        }

        text.Append("| Nominee | Region | Company | Nominated by | Accepted | Supports (binding / non-binding) | Objections (binding / non-binding) | Electable |\n")
            .Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var n = row.Nomination;
            text.Append("| @").Append(n.Nominee).Append(showIncumbents && n.Incumbent ? " (incumbent)" : "")
                .Append(" | ").Append(Region(n))
                .Append(" | ").Append(Cell(n.Company))
                .Append(" | ").Append(Markdown.Link("@" + n.NominatedBy, n.Source.Url))
                .Append(" | ").Append(Accepted(n, rules))
                .Append(" | ").Append(row.BindingSupports).Append(" / ").Append(row.NonBindingSupports)
                .Append(" | ").Append(row.BindingObjections).Append(" / ").Append(row.NonBindingObjections)
                .Append(" | ").Append(row.Electable ? "yes" : "no: " + Safe(string.Join("; ", row.Missing)))
                .Append(" |\n");
        }

        text.Append('\n');
    }

    /// <summary>Every counted position with the comment it came from.</summary>
    public static void Positions(StringBuilder text, IReadOnlyList<ElectionPosition> positions)
    {
        if (positions.Count == 0)
        {
            text.Append("None yet.\n\n");
            return;
        }

        text.Append("| Person | Nominee | Position | Binding | Comment |\n|---|---|---|---|---|\n");
        foreach (var p in positions)
        {
            text.Append("| @").Append(p.Voter)
                .Append(" | @").Append(p.Nominee)
                .Append(" | ").Append(p.Stance == Stance.Support ? "support" : "objection: " + Markdown.Escape(p.Reason ?? ""))
                .Append(" | ").Append(p.Binding ? "yes" : "no")
                .Append(" | ").Append(Markdown.Link("comment", p.Source.Url))
                .Append(" |\n");
        }

        text.Append('\n');
    }

    /// <summary>
    /// Who is elected and who is not, ties and unmet minimums. With <paramref name="term"/> (a final
    /// result) each elected line shows the new term.
    /// </summary>
    /// <param name="measure">The column of what ranks the nominees; null: binding supports. A secret ballot names its count's measure.</param>
    public static void Allocation(StringBuilder text, SeatAllocation allocation, IReadOnlyList<NomineeRow> rows, Rosters.Term? term, string? measure = null)
    {
        var column = measure ?? "Binding supports";
        var supports = rows.ToDictionary(r => r.Nominee, r => r, Login.Comparer);
        if (allocation.Elected.Count == 0)
        {
            text.Append("**Elected:** nobody").Append(allocation.HasOpenTie ? " yet (see the tie below)" : "").Append(".\n\n");
        }
        else
        {
            // Numbered by seat, not by support across all nominees: a rank with gaps (1, 2, 5) reads as
            // missing seats; supports and each left-out nominee's reason say why the order is what it is.
            text.Append("**Elected:**\n\n| Seat | Nominee | Region | Company | ").Append(column).Append(" | ")
                .Append(term is null ? "Note" : "Term").Append(" |\n|---|---|---|---|---|---|\n");
            foreach (var (seat, number) in allocation.Elected.Select((s, i) => (s, i + 1)))
            {
                var note = seat.ForMinimum ? $"seated for {seat.Candidate.Region}'s minimum" : "";
                text.Append("| ").Append(number)
                    .Append(" | @").Append(seat.Candidate.GitHub)
                    .Append(" | ").Append(Cell(seat.Candidate.Region))
                    .Append(" | ").Append(Cell(seat.Candidate.Company))
                    .Append(" | ").Append(seat.Candidate.Supports)
                    .Append(" | ").Append(term is null ? Cell(note) : $"{Dates.Day(term.Start)} – {Dates.Day(term.End)}{(note.Length > 0 ? "; " + note : "")}")
                    .Append(" |\n");
            }

            text.Append('\n');
        }

        if (allocation.NotElected.Count > 0)
        {
            text.Append("**Not elected:**\n\n| Nominee | ").Append(column).Append(" | Why |\n|---|---|---|\n");
            foreach (var refusal in allocation.NotElected)
            {
                var count = supports.TryGetValue(refusal.Candidate.GitHub, out var row) ? row.BallotScore ?? row.BindingSupports : refusal.Candidate.Supports;
                text.Append("| @").Append(refusal.Candidate.GitHub)
                    .Append(" | ").Append(count)
                    .Append(" | ").Append(Safe(refusal.Why))
                    .Append(" |\n");
            }

            text.Append('\n');
        }

        foreach (var tie in allocation.Ties)
        {
            text.Append(tie.Resolved ? "**Tie resolved by the earliest nomination:** " : "**Tie at the cut-off:** ")
                .Append(Mentions(tie.Nominees)).Append(measure is null ? " have " + Plural(tie.Supports, "binding support", "binding supports") + " each" : " are tied in the count")
                .Append(" and compete for ")
                .Append(Seats(tie.Seats))
                .Append(tie.Resolved ? $"; {Mentions(tie.Nominees.Take(tie.Seats))} nominated first.\n\n" : ". A chair picks with `/break-tie @user`.\n\n");
        }

        foreach (var unmet in allocation.UnmetMinimums)
        {
            text.Append("**Minimum not met:** ").Append(unmet.Region).Append(" needs ").Append(unmet.Minimum)
                .Append(" and will have ").Append(unmet.Seated).Append(": ").Append(Safe(unmet.Why)).Append(".\n\n");
        }
    }

    public static void TieBreaks(StringBuilder text, IReadOnlyList<TieBreakChoice> choices)
    {
        foreach (var choice in choices)
        {
            text.Append("**Tie broken** by @").Append(choice.Chair).Append(" in ").Append(Markdown.Link("this comment", choice.Source.Url))
                .Append(" on ").Append(Markdown.Date(choice.Source.At)).Append(": @").Append(choice.Nominee)
                .Append(" over ").Append(Mentions(choice.Tied.Where(t => !Login.Comparer.Equals(t, choice.Nominee))))
                .Append(" (").Append(Seats(choice.Seats)).Append(" tied).\n\n");
        }
    }

    private static string Accepted(Nomination nomination, ElectionPolicy rules) => nomination.Consent switch
    {
        Consent.Declined => Markdown.Link("declined", nomination.ConsentSource!.Url),
        Consent.Accepted when nomination.Self && nomination.ConsentSource == nomination.Source => "yes (self-nominated)",
        Consent.Accepted => Markdown.Link("yes", nomination.ConsentSource!.Url),
        _ when !rules.NomineeMustAccept => "not needed",
        _ => "not yet",
    };
}
