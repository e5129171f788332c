using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Governance;

/// <summary>
/// Who may do what, from the roster alone: voters' positions are binding, chairs decide
/// and close, and holders of any leadership role (a role under <c>roles:</c>) or a chair role triage.
/// With <c>elections.electorate</c>, the voters of elections are the people <paramref name="electorate"/> lists instead.
/// </summary>
/// <param name="electorate">The electorate file as read (frozen with an election), or null when the policy names
/// none or it could not be read.</param>
public sealed class Authority(Policy policy, Roster roster, ElectorateFile? electorate = null)
{
    public Policy Policy => policy;

    public Roster Roster => roster;

    /// <summary>The electorate file the policy names, when it could be read; null otherwise.</summary>
    public ElectorateFile? Electorate => policy.Elections.Electorate is null ? null : electorate;

    /// <summary>Whether the policy names an electorate file that could not be read: then no election position is binding.</summary>
    public bool ElectorateUnreadable => policy.Elections.Electorate is not null && electorate is null;

    /// <summary>A binding voter on proposals: a holder of a <c>voters</c> role.</summary>
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

    /// <summary>The roles a person holds, for messages: "`chair`, `member`" or "no role".</summary>
    public string RolesOf(string login)
    {
        var roles = roster.RolesOf(login);
        return roles.Count == 0 ? "no role" : List(roles);
    }

    public static string List(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => "`" + r + "`"));

    private bool HoldsAny(string login, IEnumerable<string> roles) => roles.Any(role => roster.HasRole(login, role));
}
