using TagBot.Core.Policies;
using TagBot.Core.Policies.Rules;

namespace TagBot.Core.Tests.Policies.Rules;

public sealed class RegionRulesTests
{
    private static readonly IReadOnlyList<string> Regions = ["APAC", "EMEA", "Americas"];

    private static RolePolicy Role(Dictionary<string, int>? caps = null, Dictionary<string, int>? mins = null, int? seats = null) =>
        RolePolicy.Template with { SeatsPerRegion = caps, MinPerRegion = mins ?? [], Seats = seats };

    [Fact]
    public void Regions_listed_in_any_spelling_pass()
    {
        var role = Role(caps: new() { ["apac"] = 2, ["EMEA"] = 1 }, mins: new() { ["americas"] = 1 });

        Assert.Empty(RegionRules.RegionsAreListed(Regions, "tech_lead", role, _ => true));
    }

    [Fact]
    public void An_unlisted_region_the_file_wrote_is_blamed_where_it_is_written()
    {
        var role = Role(caps: new() { ["LATAM"] = 1 });

        var violation = Assert.Single(RegionRules.RegionsAreListed(Regions, "tech_lead", role, _ => true));

        Assert.Equal("roles.tech_lead.seats_per_region", violation.Key);
        Assert.Equal(["roles.tech_lead.seats_per_region.LATAM"], violation.At);
        Assert.Equal("region 'LATAM' is not in regions (APAC, EMEA, Americas)", violation.Message);
    }

    [Fact]
    public void An_unlisted_region_of_a_kept_default_is_blamed_on_regions()
    {
        var role = Role(mins: new() { ["APAC"] = 1 });

        var violation = Assert.Single(RegionRules.RegionsAreListed(["Europe", "Asia"], "tech_lead", role, _ => false));

        Assert.Equal("roles.tech_lead.min_per_region", violation.Key);
        Assert.Equal(["regions"], violation.At);
        Assert.StartsWith("the default names region 'APAC'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Respelling_uses_the_regions_spelling_and_drops_unlisted_regions()
    {
        var role = Role(caps: new() { ["apac"] = 2, ["LATAM"] = 1 }, mins: new() { ["emea"] = 1 });

        var spelled = RegionRules.Respell(Regions, role);

        Assert.Equal(["APAC"], spelled.SeatsPerRegion!.Keys);
        Assert.Equal(["EMEA"], spelled.MinPerRegion.Keys);
        Assert.Null(RegionRules.Respell(Regions, Role()).SeatsPerRegion);
    }

    [Fact]
    public void A_minimum_may_reach_but_not_pass_its_regions_cap()
    {
        var atCap = Role(caps: new() { ["APAC"] = 2 }, mins: new() { ["APAC"] = 2, ["EMEA"] = 5 });
        var overCap = Role(caps: new() { ["APAC"] = 2 }, mins: new() { ["APAC"] = 3 });

        Assert.Empty(RegionRules.MinimumsWithinCaps("tech_lead", atCap));
        var violation = Assert.Single(RegionRules.MinimumsWithinCaps("tech_lead", overCap));
        Assert.Equal("roles.tech_lead.min_per_region", violation.Key);
        Assert.Equal("roles.tech_lead.min_per_region.APAC", violation.At[0]);
        Assert.Equal("minimum 3 for APAC is more than its 2 seat(s) in seats_per_region", violation.Message);
    }

    [Fact]
    public void The_minimums_together_may_reach_but_not_pass_the_total_seats()
    {
        var mins = new Dictionary<string, int> { ["APAC"] = 2, ["EMEA"] = 2 };

        Assert.Empty(RegionRules.MinimumsWithinSeats("tech_lead", Role(mins: mins, seats: 4)));
        Assert.Empty(RegionRules.MinimumsWithinSeats("tech_lead", Role(mins: mins)));
        var violation = Assert.Single(RegionRules.MinimumsWithinSeats("tech_lead", Role(mins: mins, seats: 3)));
        Assert.Equal(["roles.tech_lead.min_per_region", "roles.tech_lead.seats"], violation.At);
        Assert.Equal("the minimums add up to 4, more than the 3 seat(s) of seats", violation.Message);
    }
}
