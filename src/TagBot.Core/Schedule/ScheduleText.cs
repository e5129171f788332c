using System.Globalization;
using System.Text;
using TagBot.Core.Elections;
using TagBot.Core.Policies;
using TagBot.Core.Status;

namespace TagBot.Core.Schedule;

/// <summary>The text of what the schedule writes: election issues, reminders, retirement pull requests.</summary>
internal static class ScheduleText
{
    public static string ElectionTitle(string role, DateOnly termEnd) => $"{role} election (terms ending {Dates.Day(termEnd)})";

    public static string ElectionBody(
        Policy policy, string role, RolePolicy rules, DateOnly termEnd, DateOnly today, DateOnly closeOn, SeatsUp seats,
        IReadOnlyList<ElectionIssue> earlier, IReadOnlyList<EndingTerm> reminders)
    {
        var text = new StringBuilder();
        text.Append(ScheduleMarkers.ForElection(role, termEnd)).Append('\n')
            .Append("role: ").Append(role).Append("\n\n")
            .Append("TagBot opened this election on schedule (`elections.schedule` in `.github/tagbot.yml`): the first `")
            .Append(role).Append("` term that no election covers yet ends on **").Append(Dates.Day(termEnd)).Append("**.");
        if (earlier.Count > 0)
        {
            var last = earlier[^1];
            text.Append(" The previous `").Append(role).Append("` election was ").Append(Markdown.Link($"#{last.Number}", last.Url)).Append('.');
        }

        text.Append("\n\n### Seats up\n\n");
        if (seats.Regions.Any(r => r.Cap is not null))
        {
            text.Append("| Region | Maximum | Continuing | Up |\n|---|---|---|---|\n");
            foreach (var region in seats.Regions)
            {
                text.Append("| ").Append(region.Region)
                    .Append(" | ").Append(region.Cap?.ToString(CultureInfo.InvariantCulture) ?? "no cap")
                    .Append(" | ").Append(region.Continuing)
                    .Append(" | ").Append(region.Up?.ToString(CultureInfo.InvariantCulture) ?? "no cap")
                    .Append(" |\n");
            }

            text.Append('\n');
        }

        if (seats.TotalUp is { } totalUp)
        {
            text.Append("**Total:** ").Append(ElectionText.Seats(totalUp)).Append(" up of ").Append(seats.TotalCap).Append(".\n\n");
        }
        else if (seats.Uncapped)
        {
            text.Append("No cap: every electable nominee is elected.\n\n");
        }

        if (seats.Expiring.Count > 0)
        {
            text.Append("**Terms ending:** ").Append(string.Join(", ", seats.Expiring.Select(h =>
                $"@{h.GitHub} ({h.Region ?? "no region"}, {Dates.Day(h.Term!.End)})"))).Append(". Holders stand again by being nominated like anyone else.\n\n");
        }

        text.Append("The status comment below counts the seats as of today (").Append(Dates.Day(today))
            .Append(") and follows the nominations; seats whose term ends before ").Append(Dates.Day(seats.NextElection))
            .Append(", when the next `").Append(role).Append("` election is due, are up in this one.\n\n")
            .Append("### Timeline\n\n")
            .Append("- **Now (").Append(Dates.Day(today)).Append("): nominations and support are open.** `/nominate` yourself")
            .Append(policy.Regions.Count > 0 ? " (or `/nominate @user REGION`)" : " (or `/nominate @user`)")
            .Append(", nominees `/accept`, and anyone may `/support @user` or `/object @user reason`.\n")
            .Append("- **Suggested close: ").Append(Dates.Day(closeOn)).Append(".** A chair comments `/close-election`; the elected's terms start on the day ")
            .Append("the result is final and run ").Append(rules.TermMonths).Append(" months. TagBot then opens the roster pull request.\n");
        if (reminders.Count > 0)
        {
            text.Append("\n### Reminder\n\n");
            AppendReminders(text, reminders, open: true);
        }

        return text.ToString();
    }

    public static string Reminder(ElectionIssue election, IReadOnlyList<EndingTerm> holders)
    {
        var text = new StringBuilder();
        AppendReminders(text, holders, election.IsOpen);
        return text.ToString();
    }

    public static string RetirementTitle(DateOnly today) => $"Roster: move holders whose term ended to emeritus ({Dates.Day(today)})";

    public static string RetirementBody(Policy policy, IReadOnlyList<(HeldTerm Term, ElectionIssue? LastElection)> retirements, string diff)
    {
        var text = new StringBuilder();
        foreach (var (term, _) in retirements)
        {
            text.Append(ScheduleMarkers.ForRetirement(term.Role, term.GitHub, term.End)).Append('\n');
        }

        text.Append("These terms have ended and no election still open covers their seats, so TagBot proposes moving their holders from `")
            .Append(policy.Roster.Path).Append("` to `emeritus`. Merging records it; closing without merging keeps them listed, ")
            .Append("and TagBot does not propose these retirements again.\n\n")
            .Append("| Holder | Role | Term | Last election of the seat |\n|---|---|---|---|\n");
        foreach (var (term, election) in retirements)
        {
            text.Append("| @").Append(term.GitHub).Append(" | `").Append(term.Role).Append("` | ").Append(Dates.Day(term.Start)).Append(" – ")
                .Append(Dates.Day(term.End)).Append(" | ").Append(election is null ? "none" : Markdown.Link($"#{election.Number}", election.Url))
                .Append(" |\n");
        }

        text.Append("\n### Changes\n\n```diff\n").Append(diff).Append("```\n");
        return text.ToString();
    }

    private static void AppendReminders(StringBuilder text, IReadOnlyList<EndingTerm> holders, bool open)
    {
        foreach (var holder in holders)
        {
            text.Append(ScheduleMarkers.ForReminder(holder.Role, holder.GitHub, holder.End)).Append('\n');
        }

        foreach (var holder in holders)
        {
            text.Append("- @").Append(holder.GitHub).Append(", your `").Append(holder.Role).Append("` term ends on **")
                .Append(Dates.Day(holder.End)).Append("**.\n");
        }

        text.Append('\n').Append(open
            ? "These seats are up in this election: to stand again, comment `/nominate` here before a chair closes it.\n"
            : "This election is over and the roster still lists these terms, so when a term ends TagBot proposes moving its holder to "
              + "`emeritus` in a roster pull request, for the maintainers to review. If you were re-elected here, merging this "
              + "election's roster pull request records your new term and nothing more happens.\n");
    }
}
