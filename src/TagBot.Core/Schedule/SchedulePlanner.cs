using TagBot.Core.Elections;
using TagBot.Core.Governance;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Status;

namespace TagBot.Core.Schedule;

/// <summary>
/// Scheduled elections and terms (rules in this folder's README): given the policy, the roster, the
/// election issues, what TagBot already did (read back from GitHub) and now, the actions due.
/// Pure: the host reads, asks <see cref="Ask"/> what else to read, then applies <see cref="Plan"/>.
/// </summary>
public static class SchedulePlanner
{
    public const string TermsBranchPrefix = "tagbot/terms-";

    /// <summary>The branch of the retirement pull request proposed on <paramref name="day"/>.</summary>
    public static string TermsBranch(DateOnly day) => TermsBranchPrefix + Dates.Day(day);

    /// <summary>The reads beyond <paramref name="input"/> that <see cref="Plan"/> needs: none when nothing is due.</summary>
    public static ScheduleQuestions Ask(ScheduleInput input)
    {
        var roles = Analyze(input);
        return new ScheduleQuestions(
            roles.SelectMany(r => r.Reminders).SelectMany(d => d.Covering).Select(i => i.Number).ToHashSet(),
            roles.Any(r => r.Retirements.Count > 0));
    }

    /// <summary>The actions due now.</summary>
    /// <param name="input">What was read for <see cref="Ask"/>.</param>
    /// <param name="facts">What <see cref="Ask"/> asked for; anything it asked that is missing holds that action back.</param>
    public static SchedulePlan Plan(ScheduleInput input, ScheduleFacts facts)
    {
        var roles = Analyze(input);
        if (roles.Count == 0)
        {
            return SchedulePlan.Nothing;
        }

        var notes = roles.SelectMany(r => r.Notes).ToList();
        var elections = roles.Where(r => r.Opening is not null).Select(r => r.Opening!).ToList();
        var reminders = Reminders(roles, facts, notes);
        var retirements = Retirements(input, roles.SelectMany(r => r.Retirements).ToList(), facts, notes);
        return new SchedulePlan(elections, reminders, retirements, notes);
    }

    private static List<RoleSchedule> Analyze(ScheduleInput input)
    {
        var policy = input.Policy;
        var schedule = policy.Elections.Schedule;
        if (!schedule.Enabled)
        {
            return [];
        }

        // Markers only count in what TagBot wrote: anyone (another bot too) can type an HTML comment into an issue.
        var done = input.Elections.Where(e => e.ByTagBot).SelectMany(e => ScheduleMarkers.In(e.Body)).ToHashSet(StringComparer.Ordinal);
        var result = new List<RoleSchedule>();
        foreach (var role in schedule.RolesOr(policy.Elections.Role).Distinct(StringComparer.Ordinal))
        {
            if (policy.RoleOrNull(role) is { } rules)
            {
                result.Add(AnalyzeRole(input, role, rules, done));
            }
        }

        return result;
    }

    private static RoleSchedule AnalyzeRole(ScheduleInput input, string role, RolePolicy rules, HashSet<string> done)
    {
        var policy = input.Policy;
        var schedule = policy.Elections.Schedule;
        var today = input.Today;
        var elections = input.Elections
            .Where(e => ElectionRole.Resolve(e.Body, policy) is var (resolved, problem) && problem is null && resolved == role)
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Number)
            .ToList();
        var terms = Terms(input.Roster, role);
        var state = new RoleSchedule(role);

        bool Covers(ElectionIssue issue, DateOnly end) =>
            end < DateOnly.FromDateTime(issue.CreatedAt.UtcDateTime).AddMonths(rules.MonthsBetweenElections)
            || (issue.ByTagBot && ScheduleMarkers.In(issue.Body).Contains(ScheduleMarkers.ForElection(role, end), StringComparer.Ordinal));

        // Due: the earliest term end that no election of the role covers, lead_days ahead, but never
        // more than one election interval ahead (its seat would not be up yet in an election opened then).
        var uncovered = terms.Where(t => !elections.Any(e => Covers(e, t.End))).Select(t => t.End).Order().ToList();
        DateOnly? anchor = null;
        if (uncovered.Count > 0)
        {
            var first = uncovered[0];
            var openOn = Max(first.AddDays(-schedule.LeadDays), first.AddMonths(-rules.MonthsBetweenElections).AddDays(1));
            if (today >= openOn)
            {
                anchor = first;
            }
        }

        bool OpeningCovers(DateOnly end) => anchor is { } a && (end == a || end < today.AddMonths(rules.MonthsBetweenElections));

        // Reminders: from reminder_days before the term ends until it ends, once per holder and term.
        var dueNow = new List<EndingTerm>();
        foreach (var term in terms.Where(t => schedule.ReminderDays > 0 && today >= t.End.AddDays(-schedule.ReminderDays) && today < t.End))
        {
            var ending = new EndingTerm(role, term.GitHub, term.End);
            if (done.Contains(ScheduleMarkers.ForReminder(role, term.GitHub, term.End)))
            {
                continue;
            }

            if (OpeningCovers(term.End))
            {
                dueNow.Add(ending);
                continue;
            }

            var covering = elections.Where(e => Covers(e, term.End)).ToList();
            if (covering.Count == 0)
            {
                // Only when reminder_days > lead_days: the election that will fill the seat is not open yet.
                state.Notes.Add($"reminder for @{term.GitHub} ({role}, term ends {Dates.Day(term.End)}) waits for the election issue that fills the seat");
                continue;
            }

            var target = covering.LastOrDefault(e => e.IsOpen) ?? covering[^1];
            state.Reminders.Add(new DueReminder(ending, target, covering));
        }

        if (anchor is { } due)
        {
            var seats = SeatsUp.Compute(policy, role, rules, input.Roster, today);
            var closeOn = Max(due, today.AddDays(schedule.LeadDays));
            state.Opening = new ScheduledElection(
                role, due, closeOn,
                ScheduleText.ElectionTitle(role, due),
                ScheduleText.ElectionBody(policy, role, rules, due, today, closeOn, seats, elections, dueNow),
                [policy.Elections.Label]);
        }

        // Retirements: terms that ended, whose seat is not in an election still open (or opening now).
        foreach (var term in terms.Where(t => t.End <= today))
        {
            var covering = elections.Where(e => Covers(e, term.End)).ToList();
            if (OpeningCovers(term.End) || covering.Any(e => e.IsOpen))
            {
                continue;
            }

            state.Retirements.Add(new Ending(term, covering.LastOrDefault()));
        }

        return state;
    }

    private static List<TermReminder> Reminders(List<RoleSchedule> roles, ScheduleFacts facts, List<string> notes)
    {
        var posted = facts.BotComments.Values.SelectMany(bodies => bodies).SelectMany(ScheduleMarkers.In).ToHashSet(StringComparer.Ordinal);
        var due = new List<DueReminder>();
        foreach (var reminder in roles.SelectMany(r => r.Reminders))
        {
            var h = reminder.Holder;
            if (reminder.Covering.Any(e => !facts.BotComments.ContainsKey(e.Number)))
            {
                notes.Add($"reminder for @{h.GitHub} ({h.Role}) held back: the comments of its election issue were not read");
            }
            else if (!posted.Contains(ScheduleMarkers.ForReminder(h.Role, h.GitHub, h.End)))
            {
                due.Add(reminder);
            }
        }

        return [.. due.GroupBy(d => d.Target.Number)
            .Select(g => new TermReminder(g.Key, [.. g.Select(d => d.Holder)], ScheduleText.Reminder(g.First().Target, [.. g.Select(d => d.Holder)])))];
    }

    private static RosterPullRequestDraft? Retirements(ScheduleInput input, List<Ending> candidates, ScheduleFacts facts, List<string> notes)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (facts.PullRequests is not { } pulls)
        {
            notes.Add("retirements held back: TagBot's roster pull requests were not read");
            return null;
        }

        var terms = pulls.Where(p => p.Branch.StartsWith(TermsBranchPrefix, StringComparison.Ordinal)).ToList();
        var proposed = terms.SelectMany(p => ScheduleMarkers.In(p.Body)).ToHashSet(StringComparer.Ordinal);
        var fresh = candidates.Where(c => !proposed.Contains(ScheduleMarkers.ForRetirement(c.Term.Role, c.Term.GitHub, c.Term.End))).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        var today = input.Today;
        var branch = TermsBranch(today);
        if (terms.FirstOrDefault(p => p.IsOpen) is { } open)
        {
            notes.Add($"retirement of {Logins(fresh)} waits until roster pull request #{open.Number} is merged or closed");
            return null;
        }

        if (terms.Any(p => p.Branch == branch))
        {
            notes.Add($"retirement of {Logins(fresh)} waits a day: {branch} was used today");
            return null;
        }

        if (input.RosterText is not { } text)
        {
            notes.Add($"retirement of {Logins(fresh)} cannot be proposed: the roster file is missing");
            return null;
        }

        var policy = input.Policy;
        var change = new RosterChange(fresh.Select(c => new RosterOperation.Retire(c.Term.Role, c.Term.GitHub)));
        var edit = RosterEditor.Apply(policy.Roster, text, change);
        if (!edit.IsValid)
        {
            notes.Add($"retirement of {Logins(fresh)} cannot be proposed: " + string.Join("; ", edit.Errors));
            return null;
        }

        return new RosterPullRequestDraft(
            branch,
            policy.Roster.Path,
            edit.Text!,
            ScheduleText.RetirementTitle(today),
            ScheduleText.RetirementBody(policy, [.. fresh.Select(c => (c.Term, c.LastElection))], RosterDiff.Render(text, edit.Text!)),
            $"Move holders whose term ended to emeritus ({Dates.Day(today)})",
            RosterPullRequestDrafter.Reviewers(policy, input.Roster));
    }

    /// <summary>The role's holders with a term, once each (the first entry of a login wins), by term end.</summary>
    private static List<HeldTerm> Terms(Roster roster, string role)
    {
        var seen = new HashSet<string>(Login.Comparer);
        return [.. roster.HoldersOf(role)
            .Where(h => h.Term is not null && seen.Add(h.GitHub))
            .Select(h => new HeldTerm(role, h.GitHub, h.Term!.Start, h.Term.End))
            .OrderBy(t => t.End)
            .ThenBy(t => t.GitHub, StringComparer.OrdinalIgnoreCase)];
    }

    private static string Logins(IEnumerable<Ending> endings) => string.Join(", ", endings.Select(e => $"@{e.Term.GitHub} ({e.Term.Role})"));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record DueReminder(EndingTerm Holder, ElectionIssue Target, IReadOnlyList<ElectionIssue> Covering);

    private sealed record Ending(HeldTerm Term, ElectionIssue? LastElection);

    private sealed class RoleSchedule(string role)
    {
        public string Role { get; } = role;

        public ScheduledElection? Opening { get; set; }

        public List<DueReminder> Reminders { get; } = [];

        public List<Ending> Retirements { get; } = [];

        public List<string> Notes { get; } = [];
    }
}
