using TagBot.Core.Rosters;

namespace TagBot.Core.Elections;

/// <summary>
/// <c>max_consecutive_terms</c>: how many terms in a row someone has served in a role, from the roster's
/// current holders and <c>emeritus</c> entries of that role.
/// </summary>
/// <remarks>
/// Two terms are consecutive when the second starts less than one election interval
/// (<c>12 / elections_per_year</c> months) after the first ends: no election passed without the person.
/// A term elected now continues the person's latest run when the run's last term ends less than one
/// interval before the election date; otherwise the run is broken and counts 0.
/// </remarks>
public static class TermLimit
{
    /// <summary>The terms of the run an election on <paramref name="electionDate"/> would continue, oldest first (empty when none).</summary>
    public static IReadOnlyList<Term> CurrentRun(Roster roster, string role, string login, DateOnly electionDate, int monthsBetweenElections)
    {
        var terms = roster.HoldersOf(role)
            .Where(h => Login.Comparer.Equals(h.GitHub, login))
            .Select(h => h.Term)
            .Concat(roster.Emeritus.Where(e => e.Role == role && Login.Comparer.Equals(e.GitHub, login)).Select(e => e.Term))
            .OfType<Term>()
            .Distinct()
            .OrderBy(t => t.Start)
            .ThenBy(t => t.End)
            .ToList();
        var run = new List<Term>();
        foreach (var term in terms)
        {
            if (run.Count > 0 && term.Start >= run.Max(t => t.End).AddMonths(monthsBetweenElections))
            {
                run.Clear();
            }

            run.Add(term);
        }

        return run.Count > 0 && electionDate < run.Max(t => t.End).AddMonths(monthsBetweenElections) ? run : [];
    }
}
