using TagBot.Core.Policies;
using TagBot.Core.Policies.Rules;

namespace TagBot.Core.Tests.Policies.Rules;

public sealed class RoleRulesTests
{
    [Fact]
    public void The_default_election_role_is_a_role() =>
        Assert.Empty(RoleRules.ElectionRoleIsARole(Policy.Default));

    [Fact]
    public void An_election_role_missing_from_roles_is_reported_on_elections_role()
    {
        var policy = Policy.Default with { Elections = Policy.Default.Elections with { Role = "steering" } };

        var violation = Assert.Single(RoleRules.ElectionRoleIsARole(policy));

        Assert.Equal("elections.role", violation.Key);
        Assert.Equal(["elections.role"], violation.At);
        Assert.StartsWith("role 'steering' is not in roles (chair, tech_lead)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unscheduled_policies_and_scheduled_roles_that_exist_pass()
    {
        var scheduled = Policy.Default with
        {
            Elections = Policy.Default.Elections with { Schedule = new SchedulePolicy(Roles: ["chair", "tech_lead"]) },
        };

        Assert.Empty(RoleRules.ScheduledRolesAreRoles(Policy.Default));
        Assert.Empty(RoleRules.ScheduledRolesAreRoles(scheduled));
    }

    [Fact]
    public void Each_scheduled_role_missing_from_roles_is_reported()
    {
        var policy = Policy.Default with
        {
            Elections = Policy.Default.Elections with { Schedule = new SchedulePolicy(Roles: ["member", "tech_lead", "emeritus"]) },
        };

        var violations = RoleRules.ScheduledRolesAreRoles(policy).ToList();

        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("elections.schedule.roles", v.Key));
        Assert.StartsWith("role 'member' is not in roles", violations[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("role 'emeritus' is not in roles", violations[1].Message, StringComparison.Ordinal);
    }
}
