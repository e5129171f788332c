using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Governance;

/// <summary>
/// The regions trap: a policy that caps seats by region over a roster that gives nobody a region
/// (cncf/toc's <c>tags.yaml</c> has none) refuses every <c>/nominate</c> without a region, and a close
/// with no electable nominee retires the leads whose terms end. Said at the top of the status
/// comment as soon as the two disagree, before anyone nominates.
/// </summary>
public static class RegionCheck
{
    /// <returns>The warning, or null when the policy and the roster agree.</returns>
    public static string? Warning(Policy policy, Roster roster)
    {
        if (policy.Regions.Count == 0)
        {
            return null;
        }

        var regional = policy.Roles
            .Where(r => r.Value.SeatsPerRegion is { Count: > 0 } || r.Value.MinPerRegion.Count > 0)
            .Select(r => r.Key)
            .ToList();
        if (regional.Count == 0 || roster.People.Values.Any(p => p.Region is { } region && policy.Regions.Contains(region, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        var role = regional[0];
        var where = RosterSource.TakesMembers(policy.Roster) || policy.Roster.Format == RosterFormat.Tagbot
            ? $"`{policy.Roster.MembersPath ?? policy.Roster.Path}`"
            : $"a members file (`roster.members_path`, in the tagbot format) beside `{policy.Roster.Path}`";
        return $"The policy seats {Authority.List(regional)} by region ({string.Join(", ", policy.Regions)}), but nobody in the roster has "
            + $"one of these regions, so every `/nominate` without a region is refused and no seat can be filled. Give people their region in {where}, "
            + $"or, to elect without regions, set `regions: []` and `roles.{role}.seats: N` in `.github/tagbot.yml`.";
    }
}
