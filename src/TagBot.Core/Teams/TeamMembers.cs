namespace TagBot.Core.Teams;

/// <summary>
/// The members of the GitHub teams a policy names, as the host read them (the current membership), or as an election
/// froze them when it opened (<see cref="Frozen"/>), by team entry (<c>team:org/slug</c>). A team that could not be
/// read is in <see cref="Unreadable"/> with GitHub's answer, and has no members: nobody counts as a member of a team
/// TagBot cannot see, as nobody is a voter of an electorate file it cannot read.
/// </summary>
public sealed record TeamMembers(IReadOnlyDictionary<string, IReadOnlyList<string>> Members, IReadOnlyDictionary<string, string> Unreadable)
{
    public static TeamMembers None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>());

    /// <summary>True: the membership frozen with an election (or a frozen proposal); false: read at this pass.</summary>
    public bool Frozen { get; init; }

    /// <summary>Whether <paramref name="login"/> is a member of the team <paramref name="entry"/> (logins compare case-insensitively).</summary>
    public bool Includes(string entry, string login) =>
        Members.TryGetValue(entry, out var members) && members.Contains(login, Rosters.Login.Comparer);

    /// <summary>The members of <paramref name="entry"/>; none when it is not read.</summary>
    public IReadOnlyList<string> Of(string entry) => Members.GetValueOrDefault(entry) ?? [];

    /// <summary>The teams among <paramref name="entries"/> that <paramref name="login"/> belongs to.</summary>
    public IEnumerable<string> TeamsOf(string login, IEnumerable<string> entries) =>
        entries.Where(TeamName.IsTeam).Where(e => Includes(e, login));
}
