using TagBot.Core.Governance;
using TagBot.Core.Teams;

namespace TagBot.Core.Elections;

/// <summary>
/// Whose positions are binding: holders of <see cref="Roles"/> (<c>voters</c>: roster roles and <c>team:</c> entries),
/// <see cref="People"/> people in the roster and the teams; or, with <c>elections.electorate</c>, the <see cref="People"/>
/// logins the file at <see cref="File"/> lists.
/// </summary>
public sealed record Electorate(IReadOnlyList<string> Roles, int People)
{
    /// <summary>The electorate file the policy names (<c>elections.electorate.path</c>); null: the roles decide.</summary>
    public string? File { get; init; }

    /// <summary>The file is named but could not be read: nobody's position is binding (<see cref="People"/> is 0).</summary>
    public bool Unreadable { get; init; }

    /// <summary>Teams the policy names that could not be read (elections only): the election cannot close meanwhile.</summary>
    public IReadOnlyList<string> UnreadableTeams { get; init; } = [];

    /// <summary>Whether the <c>team:</c> entries of <see cref="Roles"/> are the membership frozen when the election opened.</summary>
    public bool TeamsFrozen { get; init; }

    public static Electorate Of(Authority authority)
    {
        var policy = authority.Policy;
        if (policy.Elections.Electorate is { } settings)
        {
            return new Electorate([], authority.Electorate?.Voters.Count ?? 0)
            {
                File = settings.Path,
                Unreadable = authority.ElectorateUnreadable,
                UnreadableTeams = authority.UnreadableTeams,
            };
        }

        return ByRoles(authority) with { UnreadableTeams = authority.UnreadableTeams };
    }

    /// <summary>The holders of the <c>voters</c> roles and the members of its teams: a proposal's electorate always, an election's without an electorate file.</summary>
    public static Electorate ByRoles(Authority authority)
    {
        var policy = authority.Policy;
        var people = authority.Roster.Roles.Where(r => policy.Voters.Contains(r.Key, StringComparer.Ordinal))
            .SelectMany(r => r.Value)
            .Select(h => h.GitHub.Value)
            .Concat(policy.Voters.Where(TeamName.IsTeam).SelectMany(authority.Teams.Of))
            .Distinct(Rosters.Login.Comparer)
            .Count();
        return new Electorate(policy.Voters, people) { TeamsFrozen = authority.Teams.Frozen };
    }

    /// <summary>Why the election cannot close, or null: an electorate file or team that cannot be read would elect without their votes.</summary>
    public string? Problem => Unreadable
        ? $"the electorate file `{File}` (`elections.electorate`) cannot be read (the warning at the top of the status comment says why), so no position "
          + "is binding and the election cannot close until it is fixed. Positions are recorded meanwhile and count once the file loads."
        : UnreadableTeams.Count > 0
            ? $"the GitHub {(UnreadableTeams.Count == 1 ? "team" : "teams")} {Authority.List(UnreadableTeams)} cannot be read (the warning at the top "
              + "of the status comment says why), so the election cannot close until TagBot can read them. Positions are recorded meanwhile and "
              + "count once the election freezes with the teams' members."
            : null;

    /// <summary>The status comment's line: where binding positions come from.</summary>
    public string Describe(string rosterPath) => File is null
        ? $"binding positions come from holders of {Authority.List(Roles)} in `{rosterPath}`{TeamNote} ({ElectionText.Plural(People, "person", "people")}); "
          + "everyone else's positions are shown as non-binding."
        : Unreadable
            ? $"the voters listed in `{File}` (`elections.electorate`), which cannot be read: no position is binding until it is fixed."
            : $"binding positions come from the {ElectionText.Plural(People, "voter", "voters")} listed in `{File}` (`elections.electorate`); "
              + "everyone else's positions, roster roles included, are shown as non-binding.";

    /// <summary>For <c>team:</c> entries: whose membership counts, frozen or current.</summary>
    private string TeamNote => !Roles.Any(TeamName.IsTeam)
        ? ""
        : TeamsFrozen
            ? " (a `team:` entry: the team's members as frozen when it opened; someone added to the team later does not count, someone removed still does)"
            : " (a `team:` entry: the team's current members)";
}
