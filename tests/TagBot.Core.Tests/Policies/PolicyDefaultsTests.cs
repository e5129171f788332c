namespace TagBot.Core.Tests.Policies;

using TagBot.Core.Policies;

/// <summary>The defaults reproduce the TAG Security proposal's rules (the full policy example in docs/configuration.md), field by field.</summary>
public class PolicyDefaultsTests
{
    private static readonly Policy D = Policy.Default;

    [Fact]
    public void Roster_defaults()
    {
        Assert.Equal("governance/roster.yaml", D.Roster.Path);
        Assert.Equal(RosterFormat.Tagbot, D.Roster.Format);
        Assert.Null(D.Roster.Entry);
        Assert.Null(D.Roster.MembersPath);
    }

    [Fact]
    public void Regions_voters_and_chairs()
    {
        Assert.Equal(["APAC", "EMEA", "Americas"], D.Regions);
        Assert.Equal(["chair", "tech_lead", "member"], D.Voters);
        Assert.Equal(["chair"], D.Chairs);
    }

    [Fact]
    public void Chair_role_has_a_24_month_term_and_nothing_else()
    {
        Assert.Equal(["chair", "tech_lead"], D.Roles.Keys);
        var chair = D.Roles["chair"];
        Assert.Equal(24, chair.TermMonths);
        Assert.Null(chair.SeatsPerRegion);
        Assert.Null(chair.Seats);
        Assert.Empty(chair.MinPerRegion);
        Assert.Null(chair.MaxPerCompany);
        Assert.Null(chair.MaxConsecutiveTerms);
        Assert.Equal(1, chair.ElectionsPerYear);
    }

    [Fact]
    public void Tech_lead_role_has_two_seats_per_region_and_two_elections_a_year()
    {
        var techLead = D.Roles["tech_lead"];
        Assert.Equal(24, techLead.TermMonths);
        Assert.NotNull(techLead.SeatsPerRegion);
        Assert.Equal(3, techLead.SeatsPerRegion.Count);
        Assert.Equal(2, techLead.SeatsPerRegion["APAC"]);
        Assert.Equal(2, techLead.SeatsPerRegion["EMEA"]);
        Assert.Equal(2, techLead.SeatsPerRegion["Americas"]);
        Assert.Null(techLead.Seats);
        Assert.Empty(techLead.MinPerRegion);
        Assert.Null(techLead.MaxPerCompany);
        Assert.Null(techLead.MaxConsecutiveTerms);
        Assert.Equal(2, techLead.ElectionsPerYear);
        Assert.Equal(6, techLead.MonthsBetweenElections);
    }

    [Fact]
    public void Proposal_defaults()
    {
        Assert.Equal(new ProposalPolicy("proposal", 7, 2, true), D.Proposals);
        Assert.Equal("proposal", D.Proposals.Label);
        Assert.Equal(7, D.Proposals.MinDiscussionDays);
        Assert.Equal(2, D.Proposals.SupportRequired);
        Assert.True(D.Proposals.ObjectionsBlock);
    }

    [Fact]
    public void Election_defaults()
    {
        var e = D.Elections;
        Assert.Equal("nomination", e.Label);
        Assert.Equal("tech_lead", e.Role);
        Assert.True(e.SelfNomination);
        Assert.True(e.NomineeMustAccept);
        Assert.Equal(["member", "tech_lead", "chair"], e.Candidates);
        Assert.False(e.AnyoneMayStand);
        Assert.Equal(1, e.SupportRequired);
        Assert.False(e.ObjectionsVeto);
        Assert.Equal(TieBreak.Chair, e.TieBreak);
        Assert.Empty(e.Reviewers);
    }

    [Fact]
    public void Schedule_is_off_with_a_30_day_lead_and_30_day_reminders_for_the_election_role()
    {
        var s = D.Elections.Schedule;
        Assert.False(s.Enabled);
        Assert.Equal(30, s.LeadDays);
        Assert.Equal(30, s.ReminderDays);
        Assert.Null(s.Roles);
        Assert.Equal(["tech_lead"], s.RolesOr(D.Elections.Role));
        Assert.NotEqual(D, D with { Elections = D.Elections with { Schedule = s with { Roles = ["chair"] } } });
        Assert.Equal(s with { Roles = ["chair"] }, s with { Roles = new List<string> { "chair" } });
    }

    [Fact]
    public void Label_defaults()
    {
        var l = D.Labels;
        Assert.Equal("triage-required", l.Triage);
        Assert.Equal("status/discussion", l.Discussion);
        Assert.Equal("status/blocked", l.Blocked);
        Assert.Equal("status/consensus", l.Consensus);
        Assert.Equal("status/accepted", l.Accepted);
        Assert.Equal("status/rejected", l.Rejected);
        Assert.Equal("election/open", l.ElectionOpen);
        Assert.Equal("election/tie", l.ElectionTie);
        Assert.Equal("election/closed", l.ElectionClosed);
        Assert.Equal("roster/pr-open", l.RosterPr);
        Assert.Equal("roster/updated", l.RosterUpdated);
        Assert.Equal(
            [
                "triage-required", "status/discussion", "status/blocked", "status/consensus", "status/accepted",
                "status/rejected", "election/open", "election/tie", "election/closed", "roster/pr-open", "roster/updated",
            ],
            l.All);
        Assert.Equal(["proposal", "nomination"], D.WatchedLabels);
    }

    [Fact]
    public void Anyone_in_candidates_lets_everyone_stand()
    {
        var open = D.Elections with { Candidates = ["member", ElectionPolicy.Anyone] };
        Assert.True(open.AnyoneMayStand);
    }

    [Fact]
    public void Policies_compare_by_value()
    {
        var copy = D with { Regions = ["APAC", "EMEA", "Americas"], Voters = new List<string> { "chair", "tech_lead", "member" } };
        Assert.Equal(D, copy);
        Assert.Equal(D.GetHashCode(), copy.GetHashCode());

        Assert.NotEqual(D, D with { Regions = ["APAC", "EMEA"] });
        Assert.NotEqual(D, D with { Voters = ["tech_lead", "chair", "member"] });
        var fewerSeats = D.Roles["tech_lead"] with { SeatsPerRegion = new Dictionary<string, int> { ["APAC"] = 1, ["EMEA"] = 2, ["Americas"] = 2 } };
        Assert.NotEqual(D, D with { Roles = new Dictionary<string, RolePolicy> { ["chair"] = D.Roles["chair"], ["tech_lead"] = fewerSeats } });
    }

    [Fact]
    public void Region_maps_compare_regions_case_insensitively()
    {
        var techLead = D.Roles["tech_lead"];
        Assert.Equal(2, techLead.CapFor("apac"));
        Assert.Null((techLead with { SeatsPerRegion = null }).CapFor("APAC"));
        Assert.Null(techLead.CapFor("Antarctica"));
        Assert.Equal(0, techLead.MinFor("APAC"));
    }
}
