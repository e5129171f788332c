namespace TagBot.Core.Tests.Policies;

using TagBot.Core.Policies;

/// <summary>Files that load: empty ones, partial overrides merged over the defaults, the full default policy file.</summary>
public class PolicyLoaderTests
{
    private static Policy LoadValid(string? yaml)
    {
        var result = PolicyLoader.Load(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        return result.Policy!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    [InlineData("# TagBot policy\n# nothing set yet\n")]
    [InlineData("---\n")]
    [InlineData("proposals:\nelections: ~\n")]
    public void Empty_or_comment_only_file_is_all_defaults(string? yaml)
    {
        Assert.Equal(Policy.Default, LoadValid(yaml));
    }

    [Fact]
    public void Spec_block_verbatim_loads_to_the_defaults()
    {
        Assert.Equal(Policy.Default, LoadValid(SpecSamples.PolicyFile));
    }

    [Fact]
    public void Partial_section_keeps_the_other_defaults_of_that_section()
    {
        var policy = LoadValid("proposals: { support_required: 3 }\n");

        Assert.Equal(Policy.Default.Proposals with { SupportRequired = 3 }, policy.Proposals);
        Assert.Equal(Policy.Default with { Proposals = policy.Proposals }, policy);
    }

    [Fact]
    public void Role_override_changes_only_the_keys_it_sets()
    {
        var policy = LoadValid("""
            roles:
              tech_lead:
                seats_per_region: {APAC: 1}
            """);

        var techLead = policy.Roles["tech_lead"];
        Assert.Equal(new Dictionary<string, int> { ["APAC"] = 1 }, techLead.SeatsPerRegion);
        Assert.Equal(Policy.Default.Roles["tech_lead"] with { SeatsPerRegion = techLead.SeatsPerRegion }, techLead);
        Assert.Equal(Policy.Default.Roles["chair"], policy.Roles["chair"]);
        Assert.Equal(Policy.Default.Elections, policy.Elections);
    }

    [Fact]
    public void A_new_role_starts_from_the_template()
    {
        var policy = LoadValid("""
            roles:
              security_champion:
                term_months: 12
                seats: 4
            elections:
              role: security_champion
            """);

        Assert.Equal(["chair", "tech_lead", "security_champion"], policy.Roles.Keys);
        Assert.Equal(RolePolicy.Template with { TermMonths = 12, Seats = 4 }, policy.Roles["security_champion"]);
        Assert.Equal("security_champion", policy.Elections.Role);
    }

    [Fact]
    public void Setting_total_seats_replaces_the_default_per_region_caps()
    {
        var techLead = LoadValid("roles: { tech_lead: { seats: 6 } }").Roles["tech_lead"];

        Assert.Equal(6, techLead.Seats);
        Assert.Null(techLead.SeatsPerRegion);
    }

    [Fact]
    public void Null_seats_per_region_removes_the_caps()
    {
        var techLead = LoadValid("roles: { tech_lead: { seats_per_region: null } }").Roles["tech_lead"];

        Assert.Null(techLead.SeatsPerRegion);
        Assert.Null(techLead.Seats);
    }

    [Fact]
    public void Region_keys_take_the_spelling_of_regions()
    {
        var techLead = LoadValid("""
            regions: [apac, emea]
            roles:
              tech_lead:
                seats_per_region: { APAC: 3, Emea: 1 }
                min_per_region: { EMEA: 1 }
            """).Roles["tech_lead"];

        Assert.Equal(["apac", "emea"], techLead.SeatsPerRegion!.Keys);
        Assert.Equal(3, techLead.SeatsPerRegion["apac"]);
        Assert.Equal(["emea"], techLead.MinPerRegion.Keys);
    }

    [Fact]
    public void Every_setting_can_be_overridden()
    {
        var policy = LoadValid("""
            roster:
              path: tags.yaml
              format: cncf-toc
              entry: tag-security
              members_path: governance/members.yaml
            regions: [NA, EU, APAC, LATAM]
            roles:
              chair: { term_months: 12, max_consecutive_terms: 2 }
              tech_lead:
                term_months: 36
                seats_per_region: { NA: 2, EU: 2, APAC: 1, LATAM: 1 }
                min_per_region: { LATAM: 1 }
                max_per_company: 2
                max_consecutive_terms: 3
                elections_per_year: 3
            voters: [chair, tech_lead]
            chairs: [chair, tech_lead]
            proposals:
              label: rfc
              min_discussion_days: 0
              support_required: 0
              objections_block: false
            elections:
              label: election
              role: chair
              self_nomination: false
              nominee_must_accept: false
              candidates: [anyone]
              support_required: 3
              objections_veto: true
              tie_break: earliest-nomination
              reviewers: ["@cncf/toc", octocat]
            labels:
              triage: needs-triage
              discussion: discussion
              blocked: blocked
              consensus: consensus
              accepted: accepted
              rejected: rejected
              election_open: open
              election_tie: tie
              election_closed: closed
              roster_pr: roster-pr
              roster_updated: roster-updated
            """);

        Assert.Equal(new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-security", "governance/members.yaml"), policy.Roster);
        Assert.Equal(["NA", "EU", "APAC", "LATAM"], policy.Regions);
        Assert.Equal(RolePolicy.Template with { TermMonths = 12, MaxConsecutiveTerms = 2 }, policy.Roles["chair"]);
        Assert.Equal(
            new RolePolicy(
                TermMonths: 36,
                SeatsPerRegion: new Dictionary<string, int> { ["NA"] = 2, ["EU"] = 2, ["APAC"] = 1, ["LATAM"] = 1 },
                Seats: null,
                MinPerRegion: new Dictionary<string, int> { ["LATAM"] = 1 },
                MaxPerCompany: 2,
                MaxConsecutiveTerms: 3,
                ElectionsPerYear: 3),
            policy.Roles["tech_lead"]);
        Assert.Equal(4, policy.Roles["tech_lead"].MonthsBetweenElections);
        Assert.Equal(["chair", "tech_lead"], policy.Voters);
        Assert.Equal(["chair", "tech_lead"], policy.Chairs);
        Assert.Equal(new ProposalPolicy("rfc", 0, 0, false), policy.Proposals);
        Assert.Equal(
            new ElectionPolicy("election", "chair", false, false, ["anyone"], 3, true, TieBreak.EarliestNomination, ["cncf/toc", "octocat"]),
            policy.Elections);
        Assert.True(policy.Elections.AnyoneMayStand);
        Assert.Equal(
            new LabelNames("needs-triage", "discussion", "blocked", "consensus", "accepted", "rejected", "open", "tie", "closed", "roster-pr", "roster-updated"),
            policy.Labels);
    }

    [Fact]
    public void Empty_lists_are_allowed()
    {
        var policy = LoadValid("""
            elections:
              reviewers:
              candidates: []
            """);

        Assert.Empty(policy.Elections.Reviewers);
        Assert.Empty(policy.Elections.Candidates);
    }

    [Fact]
    public void Schedule_section_merges_over_its_defaults()
    {
        var policy = LoadValid("""
            elections:
              schedule:
                enabled: true
                lead_days: 21
            """);

        Assert.Equal(new SchedulePolicy(Enabled: true, LeadDays: 21, ReminderDays: 30, Roles: null), policy.Elections.Schedule);
        Assert.Equal(["tech_lead"], policy.Elections.Schedule.RolesOr(policy.Elections.Role));
        Assert.Equal(Policy.Default.Elections with { Schedule = policy.Elections.Schedule }, policy.Elections);
    }

    [Fact]
    public void Schedule_roles_and_reminders_can_be_set_and_cleared()
    {
        var policy = LoadValid("""
            elections:
              schedule: { enabled: true, reminder_days: 0, roles: [chair, tech_lead, chair] }
            """);

        Assert.Equal(0, policy.Elections.Schedule.ReminderDays);
        Assert.Equal(["chair", "tech_lead"], policy.Elections.Schedule.Roles);
        Assert.Empty(LoadValid("elections: { schedule: { roles: [] } }").Elections.Schedule.RolesOr("tech_lead"));
        Assert.Null(LoadValid("elections: { schedule: { roles: ~ } }").Elections.Schedule.Roles);
        Assert.Equal(Policy.Default, LoadValid("elections: { schedule: }"));
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var policy = LoadValid("""
            roles:
              chair: { seats_per_region: &caps { APAC: 1, EMEA: 1, Americas: 1 } }
              tech_lead: { seats_per_region: *caps }
            """);

        Assert.Equal(policy.Roles["chair"].SeatsPerRegion, policy.Roles["tech_lead"].SeatsPerRegion);
        Assert.Equal(1, policy.Roles["tech_lead"].CapFor("EMEA"));
    }

    [Fact]
    public void Custom_file_name_is_used_in_errors()
    {
        var error = Assert.Single(PolicyLoader.Load("proposals: { support_required: two }", "config/bot.yml").Errors);

        Assert.Equal("config/bot.yml", error.File);
    }

    [Fact]
    public void Error_string_is_file_line_column_key_message()
    {
        var error = Assert.Single(PolicyLoader.Load("""
            # policy
            proposals:
              support_required: two
            """).Errors);

        Assert.Equal(".github/tagbot.yml:3:21: proposals.support_required: expected a whole number ≥ 0 or a share (`2/3` of the binding positions cast, `1/2 of electorate`), found \"two\"", error.ToString());
    }
}
