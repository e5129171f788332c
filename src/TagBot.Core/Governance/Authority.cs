using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Governance;

/// <summary>
/// Who may do what, from the roster alone: voters' positions are binding, chairs decide
/// and close, and holders of any leadership role (a role under <c>roles:</c>) or a chair role triage.
/// </summary>
public sealed class Authority(Policy policy, Roster roster)
{
    public Policy Policy => policy;

    public Roster Roster => roster;

    public bool IsVoter(string login) => HoldsAny(login, policy.Voters);

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
