using TagBot.Core.Policies;

namespace TagBot.Core.Teams;

/// <summary>Which teams a policy names and where: what the host reads, and what a warning about an unreadable team says.</summary>
public static class PolicyTeams
{
    /// <summary>Every team entry of <c>voters</c>, <c>chairs</c> and <c>elections.candidates</c>, once each, in that order.</summary>
    public static IReadOnlyList<TeamName> Of(Policy policy) =>
        [.. policy.Voters.Concat(policy.Chairs).Concat(policy.Elections.Candidates)
            .Where(TeamName.IsTeam).Distinct(StringComparer.Ordinal).Select(TeamName.Of).OfType<TeamName>()];

    /// <summary>The keys naming <paramref name="team"/>: <c>`voters`, `chairs`</c>.</summary>
    public static string KeysNaming(Policy policy, TeamName team) => string.Join(", ", new[]
    {
        ("voters", policy.Voters), ("chairs", policy.Chairs), ("elections.candidates", policy.Elections.Candidates),
    }.Where(k => k.Item2.Contains(team.Entry, StringComparer.Ordinal)).Select(k => $"`{k.Item1}`"));

    /// <summary>
    /// The status comment's warning for a team TagBot cannot read: which team, where the policy names it, what GitHub
    /// said and what to do, and exactly what follows until it is readable.
    /// </summary>
    public static string Unreadable(Policy policy, TeamName team, string why)
    {
        var keys = KeysNaming(policy, team);
        return $"TagBot cannot read the GitHub team `{team.Entry}` (named in {keys}): {why} Until it can be read, nobody counts as a member "
            + "of it: its members' positions are not binding unless a roster role makes them so, they cannot act as chairs through it "
            + "or stand as candidates through it; and an election neither freezes nor closes while a team it names cannot be read (it "
            + "freezes, with the team's members, at the first pass after the team can be read). Roster roles and other teams keep working.";
    }
}
