using TagBot.Core.Teams;
using TagBot.GitHub;

namespace TagBot.Reconcile;

/// <summary>
/// Adds the members of the GitHub teams the policy names (<c>team:ORG/SLUG</c> in <c>voters</c>, <c>chairs</c>,
/// <c>elections.candidates</c>), read now. A team that cannot be read is a warning naming it, GitHub's answer and what
/// to do, and has no members; no earlier membership stands in for it, as no earlier electorate file does: who counts
/// must come from GitHub now or from an election's freeze, never from a remembered list nobody can check.
/// </summary>
public static class TeamSources
{
    public static async Task<Sources> WithTeamsAsync(IssueGateway gateway, Sources loaded, CancellationToken cancellationToken)
    {
        if (loaded.Policy is not { } policy || PolicyTeams.Of(policy) is not { Count: > 0 } teams)
        {
            return loaded;
        }

        var members = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        foreach (var team in teams)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await gateway.Teams.ReadMembersAsync(team);
            if (read.Members is { } listed)
            {
                members[team.Entry] = [.. listed.Select(m => m.Login)];
                foreach (var member in listed)
                {
                    ids[member.Login] = member.Id;
                }
            }
            else
            {
                unreadable[team.Entry] = read.Problem!;
                warnings.Add(PolicyTeams.Unreadable(policy, team, read.Problem!));
            }
        }

        return loaded with { Teams = new TeamMembers(members, unreadable), TeamIds = ids, Warnings = [.. loaded.Warnings, .. warnings], TeamWarnings = warnings };
    }
}
