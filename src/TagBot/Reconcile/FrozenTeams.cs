using TagBot.Core.Policies;
using TagBot.Core.Teams;

namespace TagBot.Reconcile;

/// <summary>What an election freezes of the GitHub teams its policy names: their members as read at this pass.</summary>
public static class FrozenTeams
{
    /// <summary>
    /// The members of every team <paramref name="policy"/> (the policy at the freeze commit) names, from
    /// <paramref name="current"/>'s reading; null when one of them was not read (unreadable, or named only at the commit).
    /// </summary>
    public static TeamMembers? Of(Policy policy, Sources current)
    {
        var members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var team in PolicyTeams.Of(policy))
        {
            if (current.Teams?.Members.TryGetValue(team.Entry, out var listed) != true)
            {
                return null;
            }

            members[team.Entry] = listed!;
        }

        return new TeamMembers(members, new Dictionary<string, string>()) { Frozen = true };
    }
}
