namespace TagBot.Core.Policies.Rules;

/// <summary>Keys that name a role must name one under <c>roles</c>: only those have terms and seats.</summary>
public static class RoleRules
{
    /// <summary><c>elections.role</c> is the role an election fills, so it must be a key of <c>roles</c>.</summary>
    public static IEnumerable<PolicyViolation> ElectionRoleIsARole(Policy policy)
    {
        if (!policy.Roles.ContainsKey(policy.Elections.Role))
        {
            yield return new PolicyViolation("elections.role",
                $"role '{policy.Elections.Role}' is not in roles ({RoleList(policy)}); add it under roles or pick one of those",
                ["elections.role"]);
        }
    }

    /// <summary>Each of <c>elections.schedule.roles</c> must be a key of <c>roles</c>: only roles with terms can be scheduled.</summary>
    public static IEnumerable<PolicyViolation> ScheduledRolesAreRoles(Policy policy)
    {
        foreach (var role in policy.Elections.Schedule.Roles ?? [])
        {
            if (!policy.Roles.ContainsKey(role))
            {
                yield return new PolicyViolation("elections.schedule.roles",
                    $"role '{role}' is not in roles ({RoleList(policy)}); only roles with terms can be scheduled",
                    ["elections.schedule.roles"]);
            }
        }
    }

    private static string RoleList(Policy policy) => string.Join(", ", policy.Roles.Keys);
}
