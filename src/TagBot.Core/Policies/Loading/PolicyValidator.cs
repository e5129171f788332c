using TagBot.Core.Policies.Rules;
using TagBot.Core.Yaml;
using YamlDotNet.Core;

namespace TagBot.Core.Policies.Loading;

/// <summary>
/// Runs the rules that span sections (and so may involve defaults the file did not set) once the file is
/// read, and reports each violation where the file made it happen.
/// </summary>
internal static class PolicyValidator
{
    public static Policy Validate(ConfigNodeReader r, Policy policy)
    {
        var roles = policy.Roles.ToDictionary(e => e.Key, e => ValidateRole(r, policy.Regions, e.Key, e.Value), StringComparer.Ordinal);
        policy = policy with { Roles = roles };
        Report(r, RoleRules.ElectionRoleIsARole(policy));
        Report(r, RoleRules.ScheduledRolesAreRoles(policy));
        Report(r, RosterRules.CncfTocNamesItsEntry(policy));
        Report(r, LabelRules.LabelsAreDistinct(policy));
        Report(r, BallotRules.SecretBallotsCloseByTime(policy));
        return policy;
    }

    /// <summary>The role with its region maps spelled as <c>regions</c> spells them, after checking them.</summary>
    private static RolePolicy ValidateRole(ConfigNodeReader r, IReadOnlyList<string> regions, string id, RolePolicy role)
    {
        Report(r, RegionRules.RegionsAreListed(regions, id, role, path => r.LocationOf(path) is not null));
        role = RegionRules.Respell(regions, role);
        Report(r, RegionRules.MinimumsWithinCaps(id, role));
        Report(r, RegionRules.MinimumsWithinSeats(id, role));
        return role;
    }

    private static void Report(ConfigNodeReader r, IEnumerable<PolicyViolation> violations)
    {
        foreach (var violation in violations)
        {
            r.Report(At(r, violation.At), violation.Key, violation.Message);
        }
    }

    /// <summary>Where the file sets the first of <paramref name="paths"/> that it sets; else line 1.</summary>
    private static Mark At(ConfigNodeReader r, IEnumerable<string> paths) =>
        paths.Select(r.LocationOf).FirstOrDefault(m => m is not null) ?? new Mark(0, 1, 1);
}
