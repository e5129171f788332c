namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

/// <summary>
/// Kubernetes' <c>sigs.yaml</c> (format <c>k8s-sigs</c>), read and edited on an excerpt of the real file, and every
/// edit checked against the rules of the generator that rebuilds the file in the project's CI.
/// </summary>
public class K8sSigsTests
{
    private static readonly string Sigs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "k8s-community", "sigs.yaml"));
    private static readonly Term Term2026 = new(new DateOnly(2026, 9, 1), new DateOnly(2028, 8, 31));

    private static RosterSettings Group(string dir) => new("sigs.yaml", RosterFormat.K8sSigs, dir);

    private static Roster Read(string text, string dir)
    {
        var result = K8sSigsReader.Read(text, "sigs.yaml", dir);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Roster!;
    }

    private static string Edit(string text, string dir, params RosterOperation[] operations)
    {
        var edit = RosterEditor.Apply(Group(dir), text, new RosterChange(operations));
        Assert.True(edit.IsValid, string.Join("\n", edit.Errors));
        return edit.Text!;
    }

    /// <summary>The lines of the group's block in the file: from its <c>- dir:</c> line to the next group or top-level key.</summary>
    private static (int Start, int End) Span(string[] lines, string dir)
    {
        var start = Array.FindIndex(lines, l => l == $"  - dir: {dir}");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("  - dir: ", StringComparison.Ordinal) || (l.Length > 0 && l[0] != ' '));
        return (start, end);
    }

    private static void AssertOnlyGroupChanged(string before, string after, string dir)
    {
        var (old, edited) = (before.Split('\n'), after.Split('\n'));
        var (start, end) = Span(old, dir);
        Assert.Equal(old[..start], edited[..start]);
        Assert.Equal(old[end..], edited[^(old.Length - end)..]);
    }

    [Fact]
    public void The_excerpt_of_the_real_file_passes_the_generators_checks()
    {
        Assert.Empty(KubernetesGenerator.Validate(Sigs));
    }

    [Theory]
    [InlineData("sig-apps")]
    [InlineData("sig-architecture")]
    [InlineData("sig-cli")]
    [InlineData("wg-batch")]
    [InlineData("committee-steering")]
    public void Every_group_under_each_list_reads_without_errors_or_warnings(string dir)
    {
        var result = RosterSource.Read(Policy.Default with { Roster = Group(dir) }, Sigs, null);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Chairs_and_tech_leads_are_the_roles_and_emeritus_leads_hold_none()
    {
        var roster = Read(Sigs, "sig-cli");

        Assert.Equal(["ardaguclu", "mpuckett159"], roster.HoldersOf("chair").Select(h => h.GitHub));
        Assert.Equal(["eddiezane", "soltysh"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.All(roster.Roles.Values.SelectMany(h => h), h => Assert.Null(h.Term));
        Assert.False(roster.HasRole("KnVerey", "chair") || roster.HasRole("KnVerey", "tech_lead"));
        Assert.Equal(new Person("eddiezane", "Eddie Zaneski", "Defense Unicorns", null), roster.FindPerson("eddiezane"));
        Assert.Empty(roster.Emeritus);
    }

    [Fact]
    public void A_new_lead_goes_in_the_generators_order_with_its_four_fields_and_only_the_group_changes()
    {
        var edited = Edit(Sigs, "sig-cli", new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", "Americas")));

        AssertOnlyGroupChanged(Sigs, edited, "sig-cli");
        Assert.Contains("""
                    - github: eddiezane
                      name: Eddie Zaneski
                      company: Defense Unicorns
                      email: eddiezane@gmail.com
                    - github: grace
                      name: Grace Hopper
                      company: Navy
                      email:
                    - github: soltysh
            """.ReplaceLineEndings("\n"), edited, StringComparison.Ordinal);
        Assert.DoesNotContain("term", edited, StringComparison.Ordinal);
        // The generator asks for the email TagBot cannot know: a reviewer adds it to the pull request.
        Assert.Equal(["sig-cli: grace: email is empty but should be set"], KubernetesGenerator.Validate(edited));
    }

    [Fact]
    public void Someone_leading_another_group_is_written_as_that_entry_is_and_the_file_passes_the_generator()
    {
        var edited = Edit(Sigs, "sig-cli", new Seat("chair", "Dims", Term2026, new Person("Dims", "Another Name", "Elsewhere", null)));

        Assert.Empty(KubernetesGenerator.Validate(edited));
        var chairs = Read(edited, "sig-cli").HoldersOf("chair").Select(h => h.GitHub);
        Assert.Equal(["ardaguclu", "dims", "mpuckett159"], chairs);
        Assert.Equal(Read(Sigs, "sig-architecture").FindPerson("dims"), Read(edited, "sig-cli").FindPerson("dims"));
    }

    [Fact]
    public void Logins_sort_as_the_generator_sorts_them_byte_by_byte_so_capitals_come_first()
    {
        var edited = Edit(Sigs, "wg-batch", new Seat("chair", "Zed", Term2026, new Person("Zed", "Zed Z", "Z Corp", null)));

        Assert.Equal(["Zed", "amy", "mwielgus", "tenzen-y"], Read(edited, "wg-batch").HoldersOf("chair").Select(h => h.GitHub));
    }

    [Fact]
    public void A_retired_lead_moves_to_emeritus_leads_in_order_with_github_and_name_only()
    {
        var edited = Edit(Sigs, "sig-cli", new Retire("tech_lead", "eddiezane"));

        AssertOnlyGroupChanged(Sigs, edited, "sig-cli");
        Assert.Empty(KubernetesGenerator.Validate(edited));
        Assert.Contains("""
                    - github: KnVerey
                      name: Katrina Verey
                    - github: eddiezane
                      name: Eddie Zaneski
                    - github: fabianofranz
            """.ReplaceLineEndings("\n"), edited, StringComparison.Ordinal);
        Assert.Equal(["soltysh"], Read(edited, "sig-cli").HoldersOf("tech_lead").Select(h => h.GitHub));
    }

    [Fact]
    public void A_group_without_emeritus_leads_gets_the_list_under_leadership()
    {
        var edited = Edit(Sigs, "sig-architecture", new Retire("chair", "dims"));

        Assert.Empty(KubernetesGenerator.Validate(edited));
        Assert.Contains("""
                    - github: johnbelamaric
                      name: John Belamaric
                      company: Google
                      email: jbelamaric@google.com
                  emeritus_leads:
                    - github: dims
                      name: Davanum Srinivas
                meetings:
            """.ReplaceLineEndings("\n"), edited, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaving_one_role_while_holding_the_other_is_not_emeritus()
    {
        var edited = Edit(Sigs, "sig-apps", new Retire("tech_lead", "janetkuo"));

        Assert.Empty(KubernetesGenerator.Validate(edited));
        var roster = Read(edited, "sig-apps");
        Assert.True(roster.HasRole("janetkuo", "chair"));
        Assert.False(roster.HasRole("janetkuo", "tech_lead"));
        Assert.Equal(Sigs.Split("github: janetkuo").Length - 1, edited.Split("github: janetkuo").Length);
    }

    [Fact]
    public void A_returning_emeritus_lead_leaves_emeritus_leads()
    {
        var edited = Edit(Sigs, "sig-cli", new Seat("chair", "knverey", Term2026, new Person("knverey", "Katrina Verey", "Acme", null)));

        Assert.Equal(["KnVerey", "ardaguclu", "mpuckett159"], Read(edited, "sig-cli").HoldersOf("chair").Select(h => h.GitHub));
        Assert.Single(edited.Split('\n'), l => l.Trim() == "- github: KnVerey");
    }

    [Fact]
    public void Applying_a_change_to_its_own_result_changes_nothing_and_a_reseat_changes_nothing()
    {
        var seat = new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", null));
        var once = Edit(Sigs, "sig-cli", seat);

        Assert.Equal(once, Edit(once, "sig-cli", seat));
        Assert.Equal(Sigs, Edit(Sigs, "sig-cli", new Reseat("tech_lead", "soltysh", Term2026)));
    }

    [Fact]
    public void A_field_the_generator_rejects_is_an_error_naming_line_and_key()
    {
        var text = Sigs.Replace("""
                    - github: eddiezane
                      name: Eddie Zaneski
            """.ReplaceLineEndings("\n"), """
                    - github: eddiezane
                      term: { start: 2025-01-01, end: 2027-01-01 }
                      name: Eddie Zaneski
            """.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.NotEmpty(KubernetesGenerator.Validate(text));

        var result = K8sSigsReader.Read(text, "sigs.yaml", "sig-cli");

        var error = Assert.Single(result.Errors);
        Assert.Equal("sigs[2].leadership.tech_leads[0].term", error.Key);
        Assert.Equal(Array.FindIndex(text.Split('\n'), l => l.Contains("term:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains("unknown key 'term'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_in_another_group_is_a_warning_and_a_missing_group_is_an_error_with_a_suggestion()
    {
        var other = Sigs.Replace("    label: architecture\n", "    label: architecture\n    label: architecture\n", StringComparison.Ordinal);
        var result = K8sSigsReader.Read(other, "sigs.yaml", "sig-cli");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.Key == "sigs[1].label");
        Assert.False(K8sSigsReader.Read(other, "sigs.yaml", "sig-architecture").IsValid);

        var missing = K8sSigsReader.Read(Sigs, "sigs.yaml", "sig-clii");
        Assert.Contains("did you mean `sig-cli`?", Assert.Single(missing.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_the_file_has_no_list_for_is_refused()
    {
        var edit = RosterEditor.Apply(Group("sig-cli"), Sigs, new RosterChange(new Seat("member", "grace", Term2026)));

        Assert.False(edit.IsValid);
        Assert.Contains("chair", Assert.Single(edit.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_CRLF_and_comments_survive_an_edit()
    {
        var windows = "\uFEFF# Edited by hand\n" + Sigs.Replace("      tech_leads:\n        - github: eddiezane", "      tech_leads: # reviewed yearly\n        - github: eddiezane", StringComparison.Ordinal);
        windows = windows.ReplaceLineEndings("\r\n");

        var edited = Edit(windows, "sig-cli", new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", null)), new Retire("chair", "ardaguclu"));

        Assert.StartsWith("\uFEFF# Edited by hand\r\n", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", edited.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("      tech_leads: # reviewed yearly\r\n", edited, StringComparison.Ordinal);
        Assert.Contains("        - github: grace\r\n          name: Grace Hopper\r\n", edited, StringComparison.Ordinal);
        Assert.Equal(
            KubernetesGenerator.Validate(Edit(Sigs, "sig-cli", new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy", null)), new Retire("chair", "ardaguclu"))),
            KubernetesGenerator.Validate(edited[1..].ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Terms_and_regions_come_from_the_members_file_but_who_leads_comes_from_sigs_yaml()
    {
        const string Members = """
            people:
              - { github: eddiezane, region: Americas }
            roles:
              tech_lead:
                - { github: EddieZane, term: { start: 2025-03-01, end: 2027-03-01 } }
                - { github: not-a-lead, term: { start: 2025-03-01, end: 2027-03-01 } }
              member:
                - { github: grace }
            """;
        var policy = Policy.Default with { Roster = Group("sig-cli") with { MembersPath = "governance/members.yaml" } };

        var roster = RosterSource.Read(policy, Sigs, Members).Roster!;

        Assert.Equal(new Term(new DateOnly(2025, 3, 1), new DateOnly(2027, 3, 1)), roster.HoldersOf("tech_lead")[0].Term);
        Assert.Null(roster.HoldersOf("tech_lead")[1].Term);
        Assert.Equal(["eddiezane", "soltysh"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal("Americas", roster.FindPerson("eddiezane")!.Region);
        Assert.Equal("Eddie Zaneski", roster.FindPerson("eddiezane")!.Name);
        Assert.True(roster.HasRole("grace", "member"));
    }

    [Fact]
    public void The_policy_needs_the_group_s_dir()
    {
        var loaded = PolicyLoader.Load("roster:\n  path: sigs.yaml\n  format: k8s-sigs\n");

        Assert.Contains(loaded.Errors, e => e.Key == "roster.entry" && e.Message.Contains("sigs.yaml group", StringComparison.Ordinal));
        Assert.True(PolicyLoader.Load("roster:\n  path: sigs.yaml\n  format: k8s-sigs\n  entry: sig-cli\n").IsValid);
        Assert.Equal("k8s-sigs (group `sig-cli`)", RosterFormats.Describe(Group("sig-cli")));
    }
}
