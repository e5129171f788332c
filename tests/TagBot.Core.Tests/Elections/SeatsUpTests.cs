using TagBot.Core.Elections;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;

namespace TagBot.Core.Tests.Elections;

public sealed class SeatsUpTests
{
    private static readonly RolePolicy TechLead = Policy.Default.Roles["tech_lead"];

    private static SeatsUp Compute(string rosterYaml, DateOnly asOf, RolePolicy? rules = null, Policy? policy = null) =>
        SeatsUp.Compute(policy ?? Policy.Default, "tech_lead", rules ?? TechLead, ElectionScenario.ReadRoster(rosterYaml), asOf);

    private static (string, int?, int, int?) Line(RegionSeats r) => (r.Region, r.Cap, r.Continuing, r.Up);

    [Fact]
    public void The_spring_election_fills_the_seats_free_or_expiring_before_the_autumn_one()
    {
        var seats = Compute(ElectionScenario.RosterYaml, new DateOnly(2026, 3, 2));

        Assert.Equal(new DateOnly(2026, 9, 2), seats.NextElection);
        Assert.Equal([("APAC", 2, 1, 1), ("EMEA", 2, 1, 1), ("Americas", 2, 0, 2)], seats.Regions.Select(Line));
        Assert.Equal(["lead-lee", "lead-eve"], seats.Continuing.Select(h => h.GitHub));
        Assert.Equal(["lead-old", "lead-ema"], seats.Expiring.Select(h => h.GitHub));
        Assert.Null(seats.TotalUp);
        Assert.False(seats.Uncapped);
    }

    [Fact]
    public void The_autumn_election_fills_the_other_half()
    {
        // The roster after the spring election (closed 2026-03-20) was merged: member-mia and member-amy
        // seated for the Americas, lead-old re-elected, and lead-ema still seated until 2026-09-01.
        const string afterSpring = """
            people:
              - { github: lead-lee, company: Initech, region: APAC }
              - { github: lead-old, company: Globex, region: APAC }
              - { github: lead-ema, company: Acme, region: EMEA }
              - { github: lead-eve, company: Hooli, region: EMEA }
              - { github: member-mia, company: Globex, region: Americas }
              - { github: member-amy, company: Umbrella, region: Americas }
            roles:
              tech_lead:
                - { github: lead-lee, term: { start: 2025-03-01, end: 2027-03-01 } }
                - { github: lead-old, term: { start: 2026-03-20, end: 2028-03-20 } }
                - { github: lead-ema, term: { start: 2024-09-01, end: 2026-09-01 } }
                - { github: lead-eve, term: { start: 2025-09-01, end: 2027-09-01 } }
                - { github: member-mia, term: { start: 2026-03-20, end: 2028-03-20 } }
                - { github: member-amy, term: { start: 2026-03-20, end: 2028-03-20 } }
            """;

        var seats = Compute(afterSpring, new DateOnly(2026, 9, 2));

        Assert.Equal(new DateOnly(2027, 3, 2), seats.NextElection);
        Assert.Equal([("APAC", 2, 1, 1), ("EMEA", 2, 1, 1), ("Americas", 2, 2, 0)], seats.Regions.Select(Line));
        Assert.Equal(["lead-lee", "lead-ema"], seats.Expiring.Select(h => h.GitHub));
    }

    [Fact]
    public void Holders_seated_on_or_after_the_creation_date_are_not_counted()
    {
        // The spring election's own roster change, merged after it closed, must not shrink its seats up.
        const string merged = """
            people:
              - { github: member-mia, region: Americas }
              - { github: member-amy, region: Americas }
            roles:
              tech_lead:
                - { github: member-mia, term: { start: 2026-03-20, end: 2028-03-20 } }
                - { github: member-amy, term: { start: 2026-03-02, end: 2028-03-02 } }
            """;

        var seats = Compute(merged, new DateOnly(2026, 3, 2));

        Assert.Equal(2, seats.Regions.Single(r => r.Region == "Americas").Up);
        Assert.Empty(seats.Continuing);
    }

    [Fact]
    public void A_holder_without_a_term_never_expires_and_one_without_a_region_counts_only_in_the_total()
    {
        const string roster = """
            people:
              - { github: forever, region: apac }
              - { github: nowhere }
            roles:
              tech_lead:
                - { github: forever }
                - { github: nowhere, term: { start: 2025-01-01, end: 2030-01-01 } }
            """;
        var total = TechLead with { SeatsPerRegion = null, Seats = 5 };

        var seats = Compute(roster, new DateOnly(2026, 3, 2), total);

        Assert.Equal(["forever", "nowhere"], seats.Continuing.Select(h => h.GitHub));
        Assert.Equal("APAC", seats.Continuing[0].Region);
        Assert.Null(seats.Continuing[1].Region);
        Assert.Equal((5, 3), (seats.TotalCap, seats.TotalUp));
        Assert.Equal([1, 0, 0], seats.Regions.Select(r => r.Continuing));
        Assert.All(seats.Regions, r => Assert.Null(r.Up));
        Assert.False(seats.Uncapped);
    }

    [Fact]
    public void More_continuing_holders_than_the_cap_leave_no_seat_up_rather_than_a_negative_count()
    {
        const string roster = """
            people:
              - { github: a, region: APAC }
              - { github: b, region: APAC }
              - { github: c, region: APAC }
            roles:
              tech_lead:
                - { github: a, term: { start: 2025-01-01, end: 2030-01-01 } }
                - { github: b, term: { start: 2025-01-01, end: 2030-01-01 } }
                - { github: c, term: { start: 2025-01-01, end: 2030-01-01 } }
            """;

        Assert.Equal(0, Compute(roster, new DateOnly(2026, 3, 2)).Regions[0].Up);
    }

    [Fact]
    public void Limits_carry_the_seats_up_minimums_company_limit_and_continuing_holders()
    {
        var rules = TechLead with { MinPerRegion = new Dictionary<string, int> { ["EMEA"] = 2 }, MaxPerCompany = 2 };

        var limits = Compute(ElectionScenario.RosterYaml, new DateOnly(2026, 3, 2), rules).Limits();

        Assert.Equal(1, limits.RegionSeats["apac"]);
        Assert.Equal(2, limits.RegionSeats["Americas"]);
        Assert.Null(limits.TotalSeats);
        Assert.Equal(2, limits.MaxPerCompany);
        Assert.Equal(2, limits.MinPerRegion["EMEA"]);
        Assert.Equal(["lead-lee", "lead-eve"], limits.Continuing.Select(h => h.GitHub));
    }

    [Fact]
    public void A_role_without_caps_is_uncapped_with_one_election_a_year()
    {
        var seats = SeatsUp.Compute(Policy.Default, "chair", RolePolicy.Template, ElectionScenario.ReadRoster(ElectionScenario.RosterYaml), new DateOnly(2026, 3, 2));

        Assert.True(seats.Uncapped);
        Assert.Equal(new DateOnly(2027, 3, 2), seats.NextElection);
        Assert.Equal(["chair-carla"], seats.Expiring.Select(h => h.GitHub));
    }

    [Theory]
    [InlineData(null, "tech_lead", null)]
    [InlineData("Please nominate.\nrole: chair\n", "chair", null)]
    [InlineData("  Role: `chair`  ", "chair", null)]
    [InlineData("the role: chair is open", "tech_lead", null)]
    [InlineData("role: treasurer", "treasurer", "the policy has no such role")]
    [InlineData("role: chair\nrole: tech_lead", "chair", "names several roles")]
    [InlineData("role: chair\r\nrole: chair", "chair", null)]
    public void The_role_comes_from_a_role_line_of_the_body_or_the_policy(string? body, string role, string? problem)
    {
        var (found, why) = ElectionRole.Resolve(body, Policy.Default);

        Assert.Equal(role, found);
        if (problem is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(problem, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Consecutive_terms_form_a_run_until_a_full_election_interval_passes_without_the_person()
    {
        const string roster = """
            roles:
              tech_lead:
                - { github: vet, term: { start: 2024-03-10, end: 2026-03-10 } }
            emeritus:
              - { github: vet, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }
              - { github: vet, role: tech_lead, term: { start: 2018-01-01, end: 2020-01-01 } }
              - { github: vet, role: chair, term: { start: 2020-01-01, end: 2022-01-01 } }
            """;
        var parsed = ElectionScenario.ReadRoster(roster);

        var run = TermLimit.CurrentRun(parsed, "tech_lead", "VET", new DateOnly(2026, 3, 2), 6);
        Assert.Equal([new DateOnly(2022, 3, 1), new DateOnly(2024, 3, 10)], run.Select(t => t.Start));

        Assert.Empty(TermLimit.CurrentRun(parsed, "tech_lead", "vet", new DateOnly(2026, 9, 10), 6));
        Assert.Empty(TermLimit.CurrentRun(parsed, "tech_lead", "newcomer", new DateOnly(2026, 3, 2), 6));
    }
}
