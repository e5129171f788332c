namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using static TagBot.Core.Rosters.RosterOperation;

public class TagbotRosterEditorTests
{
    private const string File = "governance/roster.yaml";

    /// <summary>A roster written by hand: comments, blank lines, flow and block items, quoted dates.</summary>
    private const string Roster = """
        # TAG Security roster. TagBot edits it through pull requests; review them like any other.

        people:
          - github: alice
            name: Alice Example
            company: Example Corp
            region: EMEA
          - { github: dave, name: "Dave O'Brien", company: Acme, region: APAC }

        roles:
          chair:   # elected by the TOC
            - { github: eddie, term: { start: 2024-05-01, end: 2026-05-01 } }

          tech_lead:
            # APAC
            - { github: dave, term: { start: 2024-03-01, end: 2026-03-01 } }
            # EMEA
            - github: alice
              term:
                start: "2025-03-01"
                end: "2027-03-01"
            - { github: Frank, term: { start: 2024-09-01, end: 2026-09-01 } }   # re-elected once
          member:                    # active members; no term
            - { github: carol }
            - { github: dave }

        emeritus:
          - { github: bob, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }
        # end of roster

        """;

    private const string AliceItem = """
            - github: alice
              term:
                start: "2025-03-01"
                end: "2027-03-01"

        """;

    private const string FrankItem = "    - { github: Frank, term: { start: 2024-09-01, end: 2026-09-01 } }   # re-elected once\n";

    private static readonly Term Term2026 = new(new DateOnly(2026, 3, 1), new DateOnly(2028, 3, 1));

    private static string Apply(string text, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(RosterSettings.Default, text, new RosterChange(operations));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Text!;
    }

    private static ConfigError SingleError(string text, params RosterOperation[] operations)
    {
        var result = RosterEditor.Apply(RosterSettings.Default, text, new RosterChange(operations));
        Assert.Null(result.Text);
        var error = Assert.Single(result.Errors);
        Assert.Equal(File, error.File);
        return error;
    }

    private static Roster Read(string text)
    {
        var result = RosterReader.Read(text, File);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Roster!;
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Seat_appends_a_holder_like_the_one_before_and_leaves_every_other_byte(string newLine)
    {
        var roster = Roster.ReplaceLineEndings(newLine);

        var edited = Apply(roster, new Seat("tech_lead", "grace", Term2026));

        var added = "    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n";
        Assert.Equal(Replace(Roster, FrankItem, FrankItem + added).ReplaceLineEndings(newLine), edited);
        Assert.Equal(["dave", "alice", "Frank", "grace"], Read(edited).HoldersOf("tech_lead").Select(h => h.GitHub));
    }

    [Fact]
    public void Seat_after_a_block_item_writes_a_block_item_with_the_same_quoting()
    {
        var roster = "roles:\n  tech_lead:\n  - github: alice   # indentless list\n    term:\n      start: '2025-03-01'\n      end: '2027-03-01'\n# the end\n";

        var edited = Apply(roster, new Seat("tech_lead", "grace", Term2026));

        Assert.Equal(
            roster.Replace("# the end", "  - github: grace\n    term:\n      start: '2026-03-01'\n      end: '2028-03-01'\n# the end", StringComparison.Ordinal),
            edited);
    }

    [Fact]
    public void Seat_adds_a_new_person_to_people_in_the_style_of_the_last_one()
    {
        var edited = Apply(Roster, new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", "Navy, Inc.", "Americas")));

        var person = "  - { github: grace, name: Grace Hopper, company: \"Navy, Inc.\", region: Americas }\n";
        var dave = "  - { github: dave, name: \"Dave O'Brien\", company: Acme, region: APAC }\n";
        Assert.Equal(
            Replace(Replace(Roster, dave, dave + person), FrankItem, FrankItem + "    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n"),
            edited);
        Assert.Equal(new Person("grace", "Grace Hopper", "Navy, Inc.", "Americas"), Read(edited).FindPerson("GRACE"));
    }

    [Fact]
    public void Seat_of_someone_already_in_people_leaves_people_as_written()
    {
        var edited = Apply(Roster, new Seat("chair", "Alice", Term2026, new Person("alice", "Someone Else", null, "APAC")));

        Assert.Equal(
            Replace(Roster, "end: 2026-05-01 } }\n", "end: 2026-05-01 } }\n    - { github: Alice, term: { start: 2026-03-01, end: 2028-03-01 } }\n"),
            edited);
        Assert.Equal("Alice Example", Read(edited).FindPerson("alice")!.Name);
    }

    [Theory]
    [InlineData("roles:\n  chair: []\n", "roles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    [InlineData("roles:\n  chair: [ ]  # none yet\n", "roles:\n  chair:  # none yet\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    [InlineData("roles:\n  chair:\nemeritus: []\n", "roles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\nemeritus: []\n")]
    [InlineData("roles:\n  member:\n    - github: carol\n\n# x\n", "roles:\n  member:\n    - github: carol\n  chair:\n    - github: grace\n      term:\n        start: 2026-03-01\n        end: 2028-03-01\n\n# x\n")]
    [InlineData("roles: {}\n", "roles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    [InlineData("people: []\n", "people: []\nroles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    [InlineData("# no one yet\n", "# no one yet\nroles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    [InlineData("", "roles:\n  chair:\n    - { github: grace, term: { start: 2026-03-01, end: 2028-03-01 } }\n")]
    public void Seat_into_an_empty_or_absent_list(string roster, string expected)
    {
        Assert.Equal(expected, Apply(roster, new Seat("chair", "grace", Term2026)));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Retire_removes_the_holder_and_appends_them_to_emeritus(string newLine)
    {
        var roster = Roster.ReplaceLineEndings(newLine);

        var edited = Apply(roster, new Retire("tech_lead", "ALICE"));

        var bob = "  - { github: bob, role: tech_lead, term: { start: 2022-03-01, end: 2024-03-01 } }\n";
        var alice = "  - { github: alice, role: tech_lead, term: { start: 2025-03-01, end: 2027-03-01 } }\n";
        Assert.Equal(Replace(Replace(Roster, AliceItem, ""), bob, bob + alice).ReplaceLineEndings(newLine), edited);
        var reread = Read(edited);
        Assert.False(reread.HasRole("alice", "tech_lead"));
        Assert.Equal(new EmeritusEntry("alice", "tech_lead", new Term(new DateOnly(2025, 3, 1), new DateOnly(2027, 3, 1))), reread.Emeritus[^1]);
    }

    [Fact]
    public void Retire_records_the_given_term_and_creates_emeritus_at_the_end_of_a_file_without_final_line_break()
    {
        var roster = "roles:\n  chair:\n    - github: eddie\n    - github: zoe\n# chairs are appointed";
        var served = new Term(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));

        var edited = Apply(roster, new Retire("chair", "eddie", served));

        Assert.Equal(
            "roles:\n  chair:\n    - github: zoe\n# chairs are appointed\nemeritus:\n  - { github: eddie, role: chair, term: { start: 2024-01-01, end: 2025-01-01 } }",
            edited);
    }

    [Fact]
    public void Retiring_the_last_holder_leaves_an_empty_list()
    {
        var edited = Apply(Roster, new Retire("chair", "eddie"));

        Assert.Contains("  chair: []   # elected by the TOC\n\n  tech_lead:\n", edited, StringComparison.Ordinal);
        Assert.Empty(Read(edited).HoldersOf("chair"));
        Assert.True(Read(edited).Roles.ContainsKey("chair"));
    }

    [Fact]
    public void Reseat_replaces_the_term_in_place_keeping_its_quoting()
    {
        var edited = Apply(Roster, new Reseat("tech_lead", "alice", Term2026), new Reseat("tech_lead", "frank", Term2026));

        Assert.Equal(
            Replace(
                Replace(Roster, AliceItem, AliceItem.Replace("2025-03-01", "2026-03-01", StringComparison.Ordinal).Replace("2027-03-01", "2028-03-01", StringComparison.Ordinal)),
                FrankItem,
                "    - { github: Frank, term: { start: 2026-03-01, end: 2028-03-01 } }   # re-elected once\n"),
            edited);
        Assert.All(Read(edited).HoldersOf("tech_lead").Skip(1), h => Assert.Equal(Term2026, h.Term));
    }

    [Fact]
    public void Seat_and_retire_in_one_change()
    {
        var edited = Apply(
            Roster,
            new Retire("tech_lead", "dave"),
            new Retire("tech_lead", "frank"),
            new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", null, "APAC")),
            new Reseat("tech_lead", "alice", Term2026));

        var roster = Read(edited);
        Assert.Equal(["alice", "grace"], roster.HoldersOf("tech_lead").Select(h => h.GitHub));
        Assert.Equal(["bob", "dave", "Frank"], roster.Emeritus.Select(e => e.GitHub));
        Assert.Equal("APAC", roster.FindPerson("grace")!.Region);
        Assert.Contains("    # APAC\n    # EMEA\n    - github: alice\n", edited, StringComparison.Ordinal);
        Assert.Contains("      term:\n        start: \"2026-03-01\"\n        end: \"2028-03-01\"\n    - github: grace\n      term:\n        start: \"2026-03-01\"\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_a_change_to_its_own_result_changes_nothing()
    {
        var change = new RosterChange(
            new Retire("tech_lead", "dave"),
            new Seat("tech_lead", "grace", Term2026, new Person("grace", "Grace Hopper", null, "APAC")),
            new Reseat("tech_lead", "alice", Term2026));

        var once = RosterEditor.Apply(RosterSettings.Default, Roster, change).Text!;
        var twice = RosterEditor.Apply(RosterSettings.Default, once, change);

        Assert.True(twice.IsValid);
        Assert.Equal(once, twice.Text);
        Assert.NotEqual(Roster, once);
    }

    [Fact]
    public void An_empty_change_returns_the_file_unchanged()
    {
        Assert.Same(Roster, Apply(Roster));
    }

    [Fact]
    public void Retiring_someone_who_does_not_hold_the_role_is_an_error_on_the_role()
    {
        var error = SingleError(Roster, new Seat("tech_lead", "grace", Term2026), new Retire("tech_lead", "carol"));

        Assert.Equal((14, 3, "roles.tech_lead"), (error.Line, error.Column, error.Key));
        Assert.Contains("'carol' does not hold `tech_lead`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chair", "eddie", "already holds `chair` (term 2024-05-01 – 2026-05-01); reseat them")]
    [InlineData("Chair", "eddie", null)]
    public void Seating_a_holder_again_with_another_term_is_an_error(string role, string login, string? message)
    {
        var result = RosterEditor.Apply(RosterSettings.Default, Roster, new RosterChange(new Seat(role, login, Term2026)));

        Assert.Equal(message is null, result.IsValid);
        if (message is not null)
        {
            Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("vacant", "'vacant' does not hold `chair`; seat them instead")]
    [InlineData("@eddie", "write it without the '@'")]
    public void Operation_errors(string login, string message)
    {
        var error = SingleError(Roster, new Reseat("chair", login, Term2026));

        Assert.Equal((11, "roles.chair"), (error.Line, error.Key));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_holder_twice_in_a_change_is_an_error()
    {
        var error = SingleError(Roster, new Retire("chair", "eddie"), new Seat("chair", "EDDIE", Term2026));

        Assert.Contains("changed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_roster_that_does_not_read_is_not_edited()
    {
        var error = SingleError("roles:\n  chair:\n    - { github: eddie, term: { start: 2024-13-01, end: 2026-05-01 } }\n", new Seat("chair", "grace", Term2026));

        Assert.Equal((3, "roles.chair[0].term.start"), (error.Line, error.Key));
    }

    [Fact]
    public void A_non_empty_inline_list_is_reported_not_rewritten()
    {
        var error = SingleError("roles:\n  member: [ { github: carol } ]\n  chair: [ { github: eddie } ]\n", new Seat("chair", "grace", Term2026));

        Assert.Equal((3, 10, "roles.chair"), (error.Line, error.Column, error.Key));
        Assert.Contains("`roles.chair` is written inline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reseating_a_holder_without_a_term_is_reported_on_the_holder()
    {
        var error = SingleError("roles:\n  member:\n    - { github: dave }\n    - { github: carol }\n", new Reseat("member", "carol", Term2026));

        Assert.Equal((4, 7, "roles.member"), (error.Line, error.Column, error.Key));
        Assert.Equal("`roles.member` has an entry without a term { start, end } to replace", error.Message);
    }
}
