using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Teams;

namespace TagBot.Core.Governance;

/// <summary>
/// Who may do what, from the roster alone: voters' positions are binding, chairs decide
/// and close, and holders of any leadership role (a role under <c>roles:</c>) or a chair role triage.
/// With <c>elections.electorate</c>, the voters of elections are the people <paramref name="electorate"/> lists instead.
/// </summary>
/// <param name="electorate">The electorate file as read (frozen with an election), or null when the policy names
/// none or it could not be read.</param>
/// <param name="teams">The members of the GitHub teams (<c>team:ORG/SLUG</c>) the policy names beside roles, as read
/// now or frozen with an election; null: none read, so nobody is a member of any.</param>
public sealed class Authority(Policy policy, Roster roster, ElectorateFile? electorate = null, TeamMembers? teams = null)
{
    public Policy Policy => policy;

    public Roster Roster => roster;

    /// <summary>The team members the policy's <c>team:</c> entries resolve to.</summary>
    public TeamMembers Teams => teams ?? TeamMembers.None;

    /// <summary>The teams the policy names that could not be read (entries, in policy order): an election neither freezes nor closes meanwhile.</summary>
    public IReadOnlyList<string> UnreadableTeams =>
        [.. PolicyTeams.Of(policy).Select(t => t.Entry).Where(e => teams is null || teams.Unreadable.ContainsKey(e) || !teams.Members.ContainsKey(e))];

    /// <summary>The electorate file the policy names, when it could be read; null otherwise.</summary>
    public ElectorateFile? Electorate => policy.Elections.Electorate is null ? null : electorate;

    /// <summary>Whether the policy names an electorate file that could not be read: then no election position is binding.</summary>
    public bool ElectorateUnreadable => policy.Elections.Electorate is not null && electorate is null;

    /// <summary>A binding voter on proposals: a holder of a <c>voters</c> role or a member of a <c>voters</c> team.</summary>
    public bool IsVoter(string login) => HoldsAny(login, policy.Voters);

    /// <summary>
    /// A binding voter in elections: with <c>elections.electorate</c>, exactly the logins the file lists (roles do not
    /// add anyone: the officers' list is the electorate, as in Elekto), and nobody while the file cannot be read
    /// (guessing from roles would let people vote whom the list may leave out); otherwise as <see cref="IsVoter"/>.
    /// </summary>
    public bool IsElectionVoter(string login) => policy.Elections.Electorate is null
        ? IsVoter(login)
        : electorate?.Includes(login) == true;

    public bool IsChair(string login) => HoldsAny(login, policy.Chairs);

    public bool MayTriage(string login) => IsChair(login) || HoldsAny(login, policy.Roles.Keys);

    /// <summary>Whether <paramref name="login"/> may be nominated: <c>elections.candidates</c> says <c>anyone</c>, or names a role they hold or a team they are in.</summary>
    public bool MayStand(string login) => policy.Elections.AnyoneMayStand || HoldsAny(login, policy.Elections.Candidates);

    /// <summary>The roles a person holds (and the policy's teams they are in), for messages: "`chair`, `member`" or "no role".</summary>
    public string RolesOf(string login)
    {
        var roles = roster.RolesOf(login).Concat(Teams.TeamsOf(login, PolicyTeams.Of(policy).Select(t => t.Entry))).ToList();
        return roles.Count == 0 ? "no role" : List(roles);
    }

    public static string List(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => "`" + r + "`"));

    /// <summary>Holds one of <paramref name="entries"/>: a roster role, or membership of a <c>team:</c> entry.</summary>
    private bool HoldsAny(string login, IEnumerable<string> entries) =>
        entries.Any(entry => TeamName.IsTeam(entry) ? Teams.Includes(entry, login) : roster.HasRole(login, entry));
}
