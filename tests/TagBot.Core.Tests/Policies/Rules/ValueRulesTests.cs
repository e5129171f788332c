using TagBot.Core.Policies.Rules;

namespace TagBot.Core.Tests.Policies.Rules;

public sealed class ValueRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(0, false)]
    [InlineData(5, false)]
    [InlineData(24, false)]
    [InlineData(-2, false)]
    public void Elections_per_year_must_divide_twelve_months(int perYear, bool valid) =>
        Assert.Equal(valid, ValueRules.DividesTheYear(perYear));

    [Theory]
    [InlineData("tech_lead", true)]
    [InlineData("sig-leads2", true)]
    [InlineData("", false)]
    [InlineData("tech lead", false)]
    [InlineData("lead/emeritus", false)]
    public void A_role_id_is_letters_digits_underscores_and_hyphens(string id, bool valid) =>
        Assert.Equal(valid, ValueRules.IsRoleId(id));

    [Theory]
    [InlineData("alice", true)]
    [InlineData("cncf/toc", true)]
    [InlineData("cncf/tag.security_leads-2", true)]
    [InlineData("cncf/", false)]
    [InlineData("-alice", false)]
    [InlineData("bad org/toc", false)]
    [InlineData("cncf/t o c", false)]
    public void A_reviewer_is_a_login_or_an_org_team(string reviewer, bool valid) =>
        Assert.Equal(valid, ValueRules.IsReviewer(reviewer));
}
