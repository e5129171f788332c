namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

public class CncfTocTests
{
    private const string File = "tags.yaml";

    /// <summary>
    /// Modelled on cncf/toc's tags.yaml: entries under <c>tags:</c>, comments, quoted and plain dates, keys TagBot
    /// does not know (<c>lfx_id</c>, <c>email</c>, contacts, liaisons), a nested subproject with its own
    /// <c>dir</c>, a commented-out leader, and trailing spaces on a line.
    /// </summary>
    private static readonly string TagsYaml = """
        # Technical Advisory Groups. The website is generated from this file.
        tags:
          - name: App Delivery
            dir: tag-app-delivery # TAG App Delivery
            mission_statement: >
              Application delivery, packaging, GitOps and platforms.
            leadership:
              chairs:
                - github: alois-reitbauer
                  name: Alois Reitbauer
                  company: Dynatrace
                  term:
                    start: "2024-01-01"
                    end: "2026-01-01"
              tech_leads:
                - github: thschue
                  name: Thomas Schuetz
                  company: Dynatrace
                  term:
                    start: "2024-03-01"
                    end: "2026-03-01"
            contact:
              slack: C0APPDELIVERY
              toc_liaison:
                - github: lizrice
                  name: Liz Rice

          - name: Security
            dir: tag-security
            mission_statement: >
              Security hygiene, supply chain security, threat modeling.
            leadership:
              chairs:
                - github: eddie-knight
                  name: Eddie Knight
                  company: Sonatype
                  term:
                    start: 2024-05-01
                    end: 2026-05-01
                - github: mnm678
                  name: Marina Moore
                  company: Edera
                  term:
                    start: 2024-05-01
                    end: 2026-05-01
              tech_leads:
                - github: alice
                  name: Alice Example
                  company: Example Corp
                  term:
                    start: 2025-03-01
                    end: 2027-03-01
                - github: JustinCappos
                  name: Justin Cappos
                  company: New York University
                  term:
                    start: 2024-03-01
                    end: 2026-03-01
          #     - github: foo        # a leader to come
          #       name: Foo Bar
            contact:
              slack: C0SECURITY
              toc_liaison:
                - github: kfaseela
                  name: Faseela K
            tag_subprojects:
              - dir: security-assessments
                name: Security Assessments
                leadership:
                  subproject_leads:
                    - github: JustinCappos
                      name: Justin Cappos

          - name: Runtime
            dir: tag-runtime # TAG Runtime
            leadership:
              chairs:
                - github: rajaskakodkar
                  lfx_id:
                  name: Rajas Kakodkar
                  company:
                  email:
                  term:
                    start: "2024-07-01"
                    end: "2026-06-30"
              tech_leads: []
            contact:
              slack: C0RUNTIME

        """.Replace("end: 2026-03-01\n  #", "end: 2026-03-01   \n  #", StringComparison.Ordinal);

    private const string Cappos =
        "        - github: JustinCappos\n          name: Justin Cappos\n          company: New York University\n"
        + "          term:\n            start: 2024-03-01\n            end: 2026-03-01   \n";

    private const string EddieKnight = """
                - github: eddie-knight
                  name: Eddie Knight
                  company: Sonatype
                  term:
                    start: 2024-05-01
                    end: 2026-05-01

        """;

    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    private static readonly Person Grace = new("grace", "Grace Hopper", "Navy", null);

    private static RosterSettings Settings(string entry) => new(File, RosterFormat.CncfToc, entry);

    private static string Apply(string text, string entry, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(Settings(entry), text, new RosterChange(operations));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Text!;
    }

    private static ConfigError SingleError(string text, string entry, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(Settings(entry), text, new RosterChange(operations));
        Assert.Null(result.Text);
        return Assert.Single(result.Errors);
    }

    private static Roster Read(string text, string entry)
    {
        var result = CncfTocReader.Read(text, File, entry);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Roster!;
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Equal(2, text.Split(old).Length);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_leadership_of_the_entry()
    {
        var roster = Read(TagsYaml, "tag-security");

        Assert.Equal(["chair", "tech_lead"], roster.Roles.Keys);
        Assert.Equal(["eddie-knight", "mnm678"], roster.HoldersOf("chair").Select(h => h.GitHub));
        Assert.Equal(
            [new SeatHolder("alice", new(new(2025, 3, 1), new(2027, 3, 1))), new SeatHolder("JustinCappos", new(new(2024, 3, 1), new(2026, 3, 1)))],
            roster.HoldersOf("tech_lead"));
        Assert.Equal(new Person("JustinCappos", "Justin Cappos", "New York University", null), roster.FindPerson("justincappos"));
        Assert.Equal(4, roster.People.Count);
        Assert.Empty(roster.Emeritus);
    }

    [Fact]
    public void Reads_quoted_dates_empty_keys_and_an_empty_list()
    {
        var roster = Read(TagsYaml, "tag-runtime");

        Assert.Equal(new SeatHolder("rajaskakodkar", new(new(2024, 7, 1), new(2026, 6, 30))), Assert.Single(roster.HoldersOf("chair")));
        Assert.Equal(new Person("rajaskakodkar", "Rajas Kakodkar", null, null), roster.FindPerson("rajaskakodkar"));
        Assert.Empty(roster.HoldersOf("tech_lead"));
    }

    [Fact]
    public void Any_map_with_the_dir_is_an_entry_and_its_lists_are_roles()
    {
        var roster = Read(TagsYaml, "security-assessments");

        Assert.True(roster.HasRole("justincappos", "subproject_lead"));
    }

    [Fact]
    public void Placeholder_leaders_without_a_login_are_skipped()
    {
        var roster = Read("- dir: tag-x\n  leadership:\n    chairs:\n      - github:\n        name: To be elected\n", "tag-x");

        Assert.Empty(roster.HoldersOf("chair"));
        Assert.Empty(roster.People);
    }

    [Fact]
    public void An_unknown_entry_is_an_error_with_a_suggestion()
    {
        var result = CncfTocReader.Read(TagsYaml, File, "tag-securty");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "(file)"), (error.Line, error.Key));
        Assert.Equal("no entry with `dir: tag-securty` in the file; did you mean `tag-security`?", error.Message);
    }

    [Fact]
    public void Errors_are_reported_in_the_entry_only()
    {
        var broken = Replace(TagsYaml, "start: \"2024-07-01\"", "start: \"July 2024\"");

        Assert.True(CncfTocReader.Read(broken, File, "tag-security").IsValid);
        var error = Assert.Single(CncfTocReader.Read(broken, File, "tag-runtime").Errors);
        Assert.Equal((84, "tags[2].leadership.chairs[0].term.start"), (error.Line, error.Key));
    }

    [Fact]
    public void A_dir_used_twice_is_an_error()
    {
        var result = CncfTocReader.Read("- dir: tag-x\n- dir: tag-x\n", File, "tag-x");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "[1]"), (error.Line, error.Key));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Seat_appends_a_leader_like_the_one_before_and_leaves_every_other_byte(string newLine)
    {
        var edited = Apply(TagsYaml.ReplaceLineEndings(newLine), "tag-security", new Seat("tech_lead", "grace", Term2026, Grace));

        var grace = """
                    - github: grace
                      name: Grace Hopper
                      company: Navy
                      term:
                        start: 2026-03-01
                        end: 2028-03-01

            """;
        Assert.Equal(Replace(TagsYaml, Cappos, Cappos + grace).ReplaceLineEndings(newLine), edited);
        Assert.Equal(["alice", "JustinCappos", "grace"], Read(edited, "tag-security").HoldersOf("tech_lead").Select(h => h.GitHub));
    }

    [Fact]
    public void Retire_removes_the_leader_and_seat_adds_the_successor()
    {
        var edited = Apply(TagsYaml, "tag-security", new Retire("chair", "Eddie-Knight"), new Seat("chair", "grace", Term2026));

        var grace = "        - github: grace\n          name:\n          company:\n          term:\n            start: 2026-03-01\n            end: 2028-03-01\n";
        Assert.Equal(Replace(Replace(TagsYaml, EddieKnight, ""), "      tech_leads:\n        - github: alice\n", grace + "      tech_leads:\n        - github: alice\n"), edited);
        Assert.Equal(["mnm678", "grace"], Read(edited, "tag-security").HoldersOf("chair").Select(h => h.GitHub));
    }

    [Fact]
    public void Reseat_replaces_the_dates_in_place()
    {
        var edited = Apply(TagsYaml, "tag-app-delivery", new Reseat("tech_lead", "thschue", Term2026));

        Assert.Equal(Replace(Replace(TagsYaml, "start: \"2024-03-01\"", "start: \"2026-03-01\""), "end: \"2026-03-01\"", "end: \"2028-03-01\""), edited);
    }

    [Fact]
    public void Seat_into_an_empty_list_follows_the_other_list_and_leaves_its_extra_keys_empty()
    {
        var edited = Apply(TagsYaml, "tag-runtime", new Seat("tech_lead", "grace", Term2026, Grace));

        Assert.Equal(
            Replace(TagsYaml, "      tech_leads: []\n", """
                      tech_leads:
                        - github: grace
                          lfx_id:
                          name: Grace Hopper
                          company: Navy
                          email:
                          term:
                            start: "2026-03-01"
                            end: "2028-03-01"

                """),
            edited);
    }

    [Fact]
    public void Seat_creates_the_list_when_the_entry_has_none()
    {
        var tags = "tags:\n  - dir: tag-x\n    leadership:\n      chairs:\n        - { github: zoe }\n    contact:\n      slack: C0X\n";

        var edited = Apply(tags, "tag-x", new Seat("tech_lead", "grace", Term2026));

        Assert.Equal(
            "tags:\n  - dir: tag-x\n    leadership:\n      chairs:\n        - { github: zoe }\n      tech_leads:\n        - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n    contact:\n      slack: C0X\n",
            edited);
    }

    [Fact]
    public void Applying_a_change_to_its_own_result_changes_nothing()
    {
        var change = new RosterChange(new Seat("tech_lead", "grace", Term2026, Grace), new Reseat("tech_lead", "alice", Term2026));

        var once = RosterEditor.Apply(Settings("tag-security"), TagsYaml, change).Text!;

        Assert.Equal(once, RosterEditor.Apply(Settings("tag-security"), once, change).Text);
    }

    [Fact]
    public void Retiring_someone_absent_is_an_error_on_the_role_list()
    {
        var error = SingleError(TagsYaml, "tag-security", new Retire("tech_lead", "thschue"));

        Assert.Equal((46, 7, "tags[1].leadership.tech_leads"), (error.Line, error.Column, error.Key));
        Assert.Contains("'thschue' does not hold `tech_lead`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_entry_is_an_edit_error()
    {
        var error = SingleError(TagsYaml, "tag-storage", new Seat("chair", "grace", Term2026));

        Assert.StartsWith("no entry with `dir: tag-storage`", error.Message, StringComparison.Ordinal);
    }
}
