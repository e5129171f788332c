using TagBot.Core.Policies;

namespace TagBot.Core.Tests.Policies;

/// <summary><see cref="PolicyReference.KeysOf"/>: the allowed keys of each section, which the loader takes.</summary>
public sealed class PolicyReferenceSectionTests
{
    [Fact]
    public void The_top_of_the_file_has_one_key_per_section_in_documentation_order() =>
        Assert.Equal(["roster", "regions", "roles", "voters", "chairs", "proposals", "elections", "labels"], PolicyReference.KeysOf(""));

    [Fact]
    public void A_nested_section_is_one_key_of_its_parent()
    {
        Assert.Equal("schedule", PolicyReference.KeysOf("elections")[^1]);
        Assert.Equal(["enabled", "lead_days", "reminder_days", "roles"], PolicyReference.KeysOf("elections.schedule"));
    }

    [Fact]
    public void Role_keys_are_the_section_roles_ROLE() =>
        Assert.Equal(
            ["term_months", "seats_per_region", "seats", "min_per_region", "max_per_company", "max_consecutive_terms", "elections_per_year"],
            PolicyReference.KeysOf("roles.ROLE"));

    [Fact]
    public void A_value_key_or_an_unknown_section_has_no_keys()
    {
        Assert.Empty(PolicyReference.KeysOf("proposals.label"));
        Assert.Empty(PolicyReference.KeysOf("nowhere"));
    }
}
