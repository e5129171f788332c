using System.Text;
using TagBot.Core.Governance;
using TagBot.Core.Status;

namespace TagBot.Core.Proposals;

/// <summary>
/// The proposal's status comment: the stage, the rule, what is missing, and every position with a
/// link to the comment it came from, so anyone can recompute the outcome from public comments.
/// </summary>
public static class ProposalStatus
{
    public static string Render(ProposalTally tally, Authority authority, IReadOnlyList<string> warnings, Elections.Record.FrozenView? frozen = null)
    {
        var rules = authority.Policy.Proposals;
        var text = new StringBuilder();
        StatusText.Header(text, "Proposal", Stage(tally.Stage), warnings);

        if (tally.Decision is { } decision)
        {
            if (decision.BySettlement)
            {
                text.Append("**Decided** by TagBot on ").Append(Markdown.Date(decision.Source.At)).Append(", as no voter who has not taken part could change the outcome: ");
            }
            else
            {
                text.Append("**Decided** by @").Append(decision.Chair).Append(" in ")
                    .Append(Markdown.Link("this comment", decision.Source.Url)).Append(" on ").Append(Markdown.Date(decision.Source.At));
            }

            text.Append(decision.Reason is { Length: > 0 } reason ? (decision.BySettlement ? "" : ": ") + Markdown.Escape(reason) : ".").Append("\n\n");
        }
        else
        {
            text.Append("**Consensus needs** ").Append(rules.MinDiscussionDays).Append(" days of discussion (until ")
                .Append(Markdown.Date(tally.DiscussionEnds)).Append("), ").Append(rules.DescribeSupport())
                .Append(rules.SupportShare is null ? "" : $" (now {tally.Count.Needed(rules)})")
                .Append(rules.Quorum is { } q ? $", a quorum of `{q}` of the {tally.Count.Electorate} voters (now {tally.Count.Voted})" : "")
                .Append(rules.ObjectionsBlock ? " and no open binding objection.\n" : "; objections are recorded but do not block.\n");
            text.Append(tally.Missing.Count == 0 ? "**Nothing is missing.**" : "**Still missing:** " + string.Join("; ", tally.Missing) + ".")
                .Append("\n\n");
        }

        text.Append("**Triage:** ").Append(TriageText(tally)).Append("\n\n");
        frozen?.Describe(text);

        Positions(text, "Binding positions", tally.Positions.Where(p => p.Binding).ToList());
        Positions(text, "Non-binding positions", tally.Positions.Where(p => !p.Binding).ToList());
        if (tally.Uncounted.Count > 0)
        {
            text.Append("### Not counted\n\n| Person | Position | Why | Comment |\n|---|---|---|---|\n");
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

    private static void Positions(StringBuilder text, string title, IReadOnlyList<Position> positions)
    {
        text.Append("### ").Append(title).Append(" (")
            .Append(positions.Count(p => p.Stance == Stance.Support)).Append(" support, ")
            .Append(positions.Count(p => p.Stance == Stance.Object)).Append(" object)\n\n");
        if (positions.Count == 0)
        {
            text.Append("None yet.\n\n");
            return;
        }

        text.Append("| Person | Position | Comment |\n|---|---|---|\n");
        foreach (var p in positions)
        {
            var what = p.Stance == Stance.Support ? "support" : "objection: " + Markdown.Escape(p.Reason ?? "");
            text.Append("| @").Append(p.Login).Append(" | ").Append(what).Append(" | ")
                .Append(Markdown.Link("comment", p.Source.Url)).Append(" |\n");
        }

        text.Append('\n');
    }

    private static string TriageText(ProposalTally tally) => tally.Triage switch
    {
        { Done: true, By: { } by, Source: { } source } => $"done by @{by} in {Markdown.Link("this comment", source.Url)}.",
        { Done: true } when tally.Decision is not null => "not needed after the decision.",
        { Done: true } => "done (the triage label was removed).",
        _ => "pending: a chair or lead comments `/triage`.",
    };

    private static string Stage(ProposalStage stage) => stage switch
    {
        ProposalStage.Discussion => "in discussion",
        ProposalStage.Blocked => "blocked by an objection",
        ProposalStage.Consensus => "consensus reached",
        ProposalStage.Accepted => "accepted",
        ProposalStage.Rejected => "rejected",
        _ => stage.ToString(),
    };
}
