namespace TagBot.Core.Tests.Policies;

using TagBot.Core.Policies;
using static TagBot.Core.Tests.Policies.PolicyAssert;

/// <summary>Each kind of error in <c>.github/tagbot.yml</c>, located by line and key.</summary>
public class PolicyLoaderErrorTests
{
    [Fact]
    public void Invalid_file_has_no_policy()
    {
        var result = PolicyLoader.Load("proposals: { support_required: -1 }");

        Assert.Null(result.Policy);
        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
    }

    // --- YAML syntax ---

    [Fact]
    public void Syntax_error_has_its_line_and_the_nearest_key()
    {
        SingleError("""
            proposals:
              support_required: 2
              label: status: new
            """, 3, "proposals.label", "YAML syntax error");
    }

    [Fact]
    public void Unclosed_flow_map_names_its_key_and_the_line_where_it_opens()
    {
        // The end of the file says nothing; the '{' left open on line 2 does.
        SingleError("roster: { path: a.yaml }\nproposals: {\n", 2, "proposals", "YAML syntax error: the file ends inside something opened here");
    }

    [Fact]
    public void Syntax_error_before_any_key_is_a_file_error()
    {
        var error = SingleError("%YAML 9.9\n---\nproposals: { label: rfc }\n", 1, ConfigError.FileKey, "YAML syntax error");

        Assert.Equal("(file)", error.Key);
    }

    [Fact]
    public void Tab_indentation_points_at_the_tab()
    {
        SingleError("proposals:\n  label: x\nelections:\n\tlabel: y\n", 4, "elections", "tab");
    }

    [Fact]
    public void Unclosed_flow_list_is_reported_not_thrown()
    {
        var result = PolicyLoader.Load("regions: [APAC, EMEA\nvoters: [chair]\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 1, 2);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence()
    {
        var error = SingleError("""
            proposals:
              support_required: 2
              label: rfc
              support_required: 3
            """, 4, "proposals.support_required", "duplicate key 'support_required' (first set on line 2)");

        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Duplicate_key_does_not_stop_the_other_errors()
    {
        var result = PolicyLoader.Load("""
            proposals:
              support_required: 2
            proposals:
              label: rfc
            elections:
              support_required: lots
            """);

        Assert.Equal([(3, "proposals"), (6, "elections.support_required")], result.Errors.Select(e => (e.Line, e.Key)));
    }

    [Fact]
    public void More_than_one_document_is_an_error()
    {
        SingleError("proposals: { label: rfc }\n---\nelections: { label: vote }\n", 3, ConfigError.FileKey, "single YAML document");
    }

    [Theory]
    [InlineData("- roster\n- regions\n", "a list")]
    [InlineData("just some text\n", "\"just some text\"")]
    public void Root_must_be_a_map(string yaml, string found)
    {
        SingleError(yaml, 1, ConfigError.FileKey, $"expected a map of settings (roster, regions, roles, ...) at the top of the file, found {found}");
    }

    // --- unknown keys ---

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        var error = SingleError("""
            proposals:
              label: rfc
              suport_required: 3
            """, 3, "proposals.suport_required", "unknown key 'suport_required'; did you mean 'support_required'?");

        Assert.Equal(3, error.Column);
    }

    [Theory]
    [InlineData("elections: { tie-break: chair }", "elections.tie-break", "did you mean 'tie_break'?")]
    [InlineData("Regions: [APAC]", "Regions", "did you mean 'regions'?")]
    [InlineData("labels: { rooster_pr: x }", "labels.rooster_pr", "did you mean 'roster_pr'?")]
    [InlineData("roles: { tech_lead: { term: 12 } }", "roles.tech_lead.term", "did you mean 'term_months'?")]
    public void Unknown_key_variants_get_a_suggestion(string yaml, string key, string message)
    {
        SingleError(yaml, 1, key, message);
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_known_keys()
    {
        SingleError("roster:\n  branch: main\n", 2, "roster.branch",
            "unknown key 'branch'; expected one of: path, format, entry, members_path");
    }

    [Fact]
    public void Role_name_close_to_an_existing_role_is_taken_for_a_typo()
    {
        SingleError("roles:\n  tech_laed: { term_months: 12 }\n", 2, "roles.tech_laed", "did you mean 'tech_lead'?");
    }

    // --- scalar types ---

    [Theory]
    [InlineData("proposals: { support_required: two }", "proposals.support_required", "expected a whole number ≥ 0 or a share (`2/3` of the binding positions cast, `1/2 of electorate`), found \"two\"")]
    [InlineData("proposals: { min_discussion_days: 2.5 }", "proposals.min_discussion_days", "expected a whole number ≥ 0, found 2.5")]
    [InlineData("proposals: { support_required: \"3\" }", "proposals.support_required", "found \"3\" (a quoted string; remove the quotes)")]
    [InlineData("proposals: { support_required: [3] }", "proposals.support_required", "expected a whole number ≥ 0, found a list")]
    [InlineData("proposals: { support_required: }", "proposals.support_required", "expected a whole number ≥ 0, found nothing")]
    [InlineData("proposals: { objections_block: yes }", "proposals.objections_block", "expected true or false, found \"yes\"")]
    [InlineData("elections: { self_nomination: 1 }", "elections.self_nomination", "expected true or false, found 1")]
    [InlineData("proposals: { label: { name: rfc } }", "proposals.label", "expected a name, found a map")]
    [InlineData("voters: chair", "voters", "expected a list, found \"chair\"")]
    [InlineData("elections: { candidates: { member: true } }", "elections.candidates", "expected a list, found a map")]
    [InlineData("proposals: [label, rfc]", "proposals", "expected a map of settings, found a list")]
    [InlineData("roles: { tech_lead: 2 }", "roles.tech_lead", "expected a map of settings, found 2")]
    [InlineData("roles: { tech_lead: { seats_per_region: [APAC, EMEA] } }", "roles.tech_lead.seats_per_region", "expected a map of region: number")]
    [InlineData("roster: { members_path: [a, b] }", "roster.members_path", "expected a name, found a list")]
    [InlineData("regions: [APAC, [EMEA]]", "regions[1]", "expected a name, found a list")]
    public void Wrong_scalar_types(string yaml, string key, string message)
    {
        SingleError(yaml, 1, key, message);
    }

    [Theory]
    [InlineData("proposals: { support_required: -1 }", "proposals.support_required", "≥ 0, found -1")]
    [InlineData("proposals: { min_discussion_days: -7 }", "proposals.min_discussion_days", "≥ 0, found -7")]
    [InlineData("elections: { support_required: -2 }", "elections.support_required", "≥ 0, found -2")]
    [InlineData("roles: { tech_lead: { seats_per_region: { APAC: -1 } } }", "roles.tech_lead.seats_per_region.APAC", "≥ 0, found -1")]
    [InlineData("roles: { tech_lead: { min_per_region: { APAC: -1 } } }", "roles.tech_lead.min_per_region.APAC", "≥ 0, found -1")]
    [InlineData("roles: { tech_lead: { max_per_company: 0 } }", "roles.tech_lead.max_per_company", "≥ 1, found 0")]
    [InlineData("roles: { tech_lead: { max_consecutive_terms: -1 } }", "roles.tech_lead.max_consecutive_terms", "≥ 1, found -1")]
    [InlineData("roles: { tech_lead: { seats_per_region: null, seats: 0 } }", "roles.tech_lead.seats", "≥ 1, found 0")]
    public void Negative_numbers(string yaml, string key, string message)
    {
        SingleError(yaml, 1, key, message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-24")]
    public void Term_months_must_be_positive(string months)
    {
        SingleError($"roles:\n  chair:\n    term_months: {months}\n", 3, "roles.chair.term_months", $"expected a whole number ≥ 1, found {months}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("13")]
    [InlineData("twice")]
    public void Elections_per_year_must_divide_12(string perYear)
    {
        SingleError($"roles:\n  tech_lead:\n    elections_per_year: {perYear}\n", 3, "roles.tech_lead.elections_per_year",
            "expected 1, 2, 3, 4, 6 or 12 (elections are evenly spaced 12 / elections_per_year months apart, so it must divide 12)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(12)]
    public void Elections_per_year_dividing_12_is_accepted(int perYear)
    {
        var result = PolicyLoader.Load($"roles: {{ tech_lead: {{ elections_per_year: {perYear} }} }}");

        Assert.Equal(perYear, result.Policy!.Roles["tech_lead"].ElectionsPerYear);
    }

    // --- regions ---

    [Fact]
    public void Seats_per_region_naming_an_unknown_region()
    {
        SingleError("""
            roles:
              tech_lead:
                seats_per_region:
                  APAC: 2
                  Europe: 2
            """, 5, "roles.tech_lead.seats_per_region", "region 'Europe' is not in regions (APAC, EMEA, Americas)");
    }

    [Fact]
    public void Min_per_region_naming_an_unknown_region()
    {
        SingleError("""
            regions: [APAC, EMEA, Americas]
            roles:
              tech_lead:
                min_per_region: { LATAM: 1 }
            """, 4, "roles.tech_lead.min_per_region", "region 'LATAM' is not in regions");
    }

    [Fact]
    public void Changing_regions_without_the_default_caps_points_at_regions()
    {
        var result = PolicyLoader.Load("""
            proposals: { label: rfc }
            regions: [NA, EU]
            """);

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal((2, "roles.tech_lead.seats_per_region"), (e.Line, e.Key));
            Assert.Contains("set roles.tech_lead.seats_per_region for your regions", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(["APAC", "EMEA", "Americas"], result.Errors.Select(e => e.Message.Split('\'')[1]));
    }

    [Fact]
    public void Duplicate_regions()
    {
        SingleError("""
            regions:
              - APAC
              - EMEA
              - Americas
              - apac
            """, 5, "regions[3]", "duplicate region 'apac' (already listed as 'APAC'");
    }

    [Fact]
    public void Region_with_a_space()
    {
        SingleError("regions: [APAC, EMEA, North America]\nroles: { tech_lead: { seats_per_region: { North America: 2 } } }", 1, "regions[2]", "use e.g. 'North-America'");
    }

    [Fact]
    public void Min_per_region_above_the_region_cap()
    {
        SingleError("""
            roles:
              tech_lead:
                seats_per_region: { APAC: 2, EMEA: 2, Americas: 1 }
                min_per_region:
                  Americas: 2
            """, 5, "roles.tech_lead.min_per_region", "minimum 2 for Americas is more than its 1 seat(s)");
    }

    [Fact]
    public void Min_per_region_above_the_default_cap()
    {
        SingleError("roles:\n  tech_lead:\n    min_per_region: { EMEA: 3 }\n", 3, "roles.tech_lead.min_per_region", "minimum 3 for EMEA is more than its 2 seat(s)");
    }

    [Fact]
    public void Minimums_above_total_seats()
    {
        SingleError("""
            roles:
              tech_lead:
                seats: 2
                min_per_region: { APAC: 1, EMEA: 1, Americas: 1 }
            """, 4, "roles.tech_lead.min_per_region", "the minimums add up to 3, more than the 2 seat(s)");
    }

    [Fact]
    public void Both_seats_and_seats_per_region()
    {
        SingleError("""
            roles:
              tech_lead:
                seats_per_region: { APAC: 2, EMEA: 2, Americas: 2 }
                seats: 6
            """, 4, "roles.tech_lead.seats", "set either seats (a total, regions uncapped) or seats_per_region (a cap per region), not both");
    }

    // --- cross references and enums ---

    [Fact]
    public void Election_role_must_be_a_policy_role()
    {
        SingleError("""
            elections:
              label: nomination
              role: member
            """, 3, "elections.role", "role 'member' is not in roles (chair, tech_lead)");
    }

    [Fact]
    public void Schedule_roles_must_be_policy_roles()
    {
        SingleError("""
            elections:
              schedule:
                enabled: true
                roles: [tech_lead, member]
            """, 4, "elections.schedule.roles", "role 'member' is not in roles (chair, tech_lead); only roles with terms can be scheduled");
    }

    [Theory]
    [InlineData("elections: { schedule: { lead_days: 0 } }", "elections.schedule.lead_days", "expected a whole number ≥ 1, found 0")]
    [InlineData("elections: { schedule: { reminder_days: -1 } }", "elections.schedule.reminder_days", "expected a whole number ≥ 0 (0: no reminders), found -1")]
    [InlineData("elections: { schedule: { enabled: yes } }", "elections.schedule.enabled", "expected true or false, found \"yes\"")]
    [InlineData("elections: { schedule: { lead_day: 14 } }", "elections.schedule.lead_day", "unknown key 'lead_day'; did you mean 'lead_days'?")]
    [InlineData("elections: { schedule: true }", "elections.schedule", "expected a map of settings, found true")]
    public void Schedule_values_are_checked(string yaml, string key, string message)
    {
        SingleError(yaml, 1, key, message);
    }

    [Fact]
    public void Unknown_roster_format()
    {
        SingleError("roster:\n  format: csv\n", 2, "roster.format", "expected one of tagbot | cncf-toc | markdown-table | k8s-sigs, found \"csv\"");
    }

    [Fact]
    public void Cncf_toc_format_needs_an_entry()
    {
        SingleError("""
            roster:
              path: tags.yaml
              format: cncf-toc
            """, 3, "roster.entry", "required when roster.format is cncf-toc");
    }

    [Fact]
    public void Cncf_toc_format_with_a_null_entry_points_at_the_entry()
    {
        SingleError("roster:\n  format: cncf-toc\n  entry: null\n", 3, "roster.entry", "required when roster.format is cncf-toc");
    }

    [Theory]
    [InlineData("random")]
    [InlineData("earliest_nomination")]
    public void Unknown_tie_break(string value)
    {
        SingleError($"elections:\n  tie_break: {value}\n", 2, "elections.tie_break", "expected one of chair | earliest-nomination");
    }

    [Fact]
    public void Invalid_reviewer()
    {
        SingleError("elections:\n  reviewers: [cncf/toc, \"not a login\"]\n", 2, "elections.reviewers[1]", "neither a GitHub login nor an org/team");
    }

    // --- labels ---

    [Theory]
    [InlineData("\"\"", "must not be empty")]
    [InlineData("\"  \"", "must not be empty")]
    [InlineData("", "expected a name, found nothing")]
    [InlineData("null", "expected a name, found null")]
    public void Empty_label_name(string value, string message)
    {
        SingleError($"labels:\n  accepted: status/accepted\n  rejected: {value}\n", 3, "labels.rejected", message);
    }

    [Fact]
    public void Empty_proposal_label()
    {
        SingleError("proposals:\n  label: ''\n", 2, "proposals.label", "must not be empty");
    }

    [Fact]
    public void Two_managed_labels_with_the_same_name()
    {
        SingleError("labels:\n  consensus: status/accepted\n", 2, "labels.accepted", "'status/accepted' is also used for labels.consensus");
    }

    [Fact]
    public void Proposals_and_elections_need_different_labels()
    {
        SingleError("proposals: { label: governance }\nelections: { label: Governance }\n", 2, "elections.label", "proposals and elections need different labels");
    }

    // --- many at once ---

    [Fact]
    public void All_errors_are_reported_together_in_file_order()
    {
        var result = PolicyLoader.Load("""
            roster:
              format: cncf-toc
            regions: [APAC, EMEA, Americas, EMEA]
            roles:
              tech_lead:
                term_months: 0
                elections_per_year: 5
                seats_per_region: { APAC: 2, Mars: 1 }
            proposals:
              suport_required: 3
              min_discussion_days: -1
            elections:
              role: steering
              tie_break: coin
              objections_veto: maybe
            labels:
              blocked: ""
            """);

        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.Equal(
            [
                (2, "roster.entry"),
                (3, "regions[3]"),
                (6, "roles.tech_lead.term_months"),
                (7, "roles.tech_lead.elections_per_year"),
                (8, "roles.tech_lead.seats_per_region"),
                (10, "proposals.suport_required"),
                (11, "proposals.min_discussion_days"),
                (13, "elections.role"),
                (14, "elections.tie_break"),
                (15, "elections.objections_veto"),
                (17, "labels.blocked"),
            ],
            result.Errors.Select(e => (e.Line, e.Key)));
    }
}
