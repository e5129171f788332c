namespace TagBot.Core.Tests.Rosters;

using System.Text;
using TagBot.Core.Policies;
using TagBot.Core.Rosters;
using TagBot.Core.Tests.Policies;

public class RosterReaderTests
{
    private const string File = "governance/roster.yaml";
    private static readonly string[] Regions = ["APAC", "EMEA", "Americas"];

    private static Roster LoadValid(string? yaml, IReadOnlyCollection<string>? regions = null)
    {
        var result = RosterReader.Read(yaml, File, regions);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Roster!;
    }

    private static ConfigError SingleError(string yaml, int line, string key, string messagePart, IReadOnlyCollection<string>? regions = null)
    {
        var result = RosterReader.Read(yaml, File, regions);
        Assert.Null(result.Roster);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal((File, line, key), (error.File, error.Line, error.Key));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Spec_example_loads()
    {
        var roster = LoadValid(SpecSamples.RosterFile, Regions);

        var alice = Assert.Single(roster.People.Values);
        Assert.Equal(new Person("alice", "Alice Example", "Example Corp", "EMEA"), alice);
        Assert.Equal(["chair", "tech_lead", "member"], roster.Roles.Keys);
        Assert.Equal(new SeatHolder("eddie", new Term(new DateOnly(2024, 5, 1), new DateOnly(2026, 5, 1))), Assert.Single(roster.Roles["chair"]));
        Assert.Equal(new SeatHolder("alice", new Term(new DateOnly(2025, 3, 1), new DateOnly(2027, 3, 1))), Assert.Single(roster.Roles["tech_lead"]));
        Assert.Equal(new SeatHolder("carol", null), Assert.Single(roster.Roles["member"]));
        Assert.Equal(
            new EmeritusEntry("bob", "tech_lead", new Term(new DateOnly(2022, 3, 1), new DateOnly(2024, 3, 1))),
            Assert.Single(roster.Emeritus));
    }

    [Fact]
    public void Logins_are_looked_up_case_insensitively_and_keep_their_case()
    {
        var roster = LoadValid("""
            people:
              - { github: Alice-Example, region: emea }
            roles:
              chair:
                - { github: EDDIE }
              tech_lead:
                - { github: alice-example }
              member:
                - { github: Alice-Example }
            """, Regions);

        Assert.Equal("Alice-Example", roster.FindPerson("ALICE-EXAMPLE")!.GitHub);
        Assert.Equal("EMEA", roster.FindPerson("alice-example")!.Region);
        Assert.True(roster.People.ContainsKey("alice-EXAMPLE"));
        Assert.Null(roster.FindPerson("bob"));
        Assert.True(roster.HasRole("eddie", "chair"));
        Assert.Equal("EDDIE", roster.HoldersOf("chair")[0].GitHub);
        Assert.False(roster.HasRole("eddie", "Chair"));
        Assert.Equal(["tech_lead", "member"], roster.RolesOf("ALICE-example"));
        Assert.Empty(roster.RolesOf("bob"));
        Assert.True(roster.HasAnyRole("Eddie", ["member", "chair"]));
        Assert.False(roster.HasAnyRole("bob", ["member", "chair"]));
    }

    [Fact]
    public void Holders_need_not_be_in_people()
    {
        var roster = LoadValid(SpecSamples.RosterFile);

        Assert.True(roster.HasRole("carol", "member"));
        Assert.Null(roster.FindPerson("carol"));
    }

    [Fact]
    public void An_expired_term_still_holds_the_role()
    {
        var roster = LoadValid("roles:\n  chair:\n    - { github: eddie, term: { start: 2020-01-01, end: 2022-01-01 } }\n");

        Assert.True(roster.HasRole("eddie", "chair"));
        Assert.False(roster.HoldersOf("chair")[0].Term!.IsActiveOn(new DateOnly(2025, 1, 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("# no one yet\n")]
    [InlineData("people: []\nroles: {}\nemeritus:\n")]
    public void Empty_roster(string? yaml)
    {
        var roster = LoadValid(yaml);

        Assert.Empty(roster.People);
        Assert.Empty(roster.Roles);
        Assert.Empty(roster.Emeritus);
        Assert.Empty(roster.RolesOf("anyone"));
        Assert.Empty(roster.HoldersOf("chair"));
    }

    [Fact]
    public void Two_hundred_people_load()
    {
        var yaml = new StringBuilder("people:\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append($"  - {{ github: user-{i}, name: User {i}, company: Company {i % 7}, region: {Regions[i % 3]} }}\n");
        }
        yaml.Append("roles:\n  member:\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append($"    - {{ github: USER-{i} }}\n");
        }
        yaml.Append("  tech_lead:\n    - { github: user-199, term: { start: 2025-03-01, end: 2027-03-01 } }\n");

        var roster = LoadValid(yaml.ToString(), Regions);

        Assert.Equal(200, roster.People.Count);
        Assert.Equal(200, roster.HoldersOf("member").Count);
        Assert.Equal("Company 3", roster.FindPerson("USER-199")!.Company);
        Assert.Equal("EMEA", roster.FindPerson("user-199")!.Region);
        Assert.Equal("Americas", roster.FindPerson("user-2")!.Region);
        Assert.Equal(["member", "tech_lead"], roster.RolesOf("User-199"));
    }

    // --- errors ---

    [Fact]
    public void Missing_github_login()
    {
        SingleError("""
            people:
              - github: alice
              - name: Bob Example
                company: Example Corp
            """, 3, "people[1].github", "missing github login");
    }

    [Fact]
    public void Missing_github_login_of_a_holder()
    {
        SingleError("roles:\n  tech_lead:\n    - { github: alice }\n    - { term: { start: 2025-03-01, end: 2027-03-01 } }\n", 4, "roles.tech_lead[1].github", "missing github login");
    }

    [Theory]
    [InlineData("alice smith", "only letters, digits and '-'")]
    [InlineData("alice_smith", "only letters, digits and '-'")]
    [InlineData("-alice", "only letters, digits and '-'")]
    [InlineData("\"@alice\"", "write it without the '@'")]
    [InlineData("a-very-long-login-name-that-goes-on-and-on", "longer than 39 characters")]
    public void Invalid_login(string login, string message)
    {
        SingleError($"people:\n  - github: carol\n  - github: {login}\n", 3, "people[1].github", message);
    }

    [Fact]
    public void Login_of_39_characters_is_valid()
    {
        var login = new string('a', 38) + "1";

        Assert.True(LoadValid($"roles: {{ member: [ {{ github: {login} }} ] }}").HasRole(login, "member"));
    }

    [Theory]
    [InlineData("2025-3-1", "found \"2025-3-1\"")]
    [InlineData("01/03/2025", "found \"01/03/2025\"")]
    [InlineData("2025-02-30", "found \"2025-02-30\"")]
    [InlineData("", "found nothing")]
    public void Dates_must_be_yyyy_mm_dd(string date, string found)
    {
        SingleError($"""
            roles:
              tech_lead:
                - github: alice
                  term:
                    start: {date}
                    end: 2027-03-01
            """, 5, "roles.tech_lead[0].term.start", $"expected a date written YYYY-MM-DD, {found}");
    }

    [Fact]
    public void Term_ending_before_it_starts()
    {
        SingleError("""
            roles:
              tech_lead:
                - { github: alice, term: { start: 2025-03-01, end: 2027-03-01 } }
                - { github: bob, term: { start: 2025-03-01, end: 2027-03-01 } }
                - github: dave
                  term:
                    start: 2025-03-01
                    end: 2023-03-01
            """, 8, "roles.tech_lead[2].term.end", "the term ends (2023-03-01) on or before it starts (2025-03-01)");
    }

    [Fact]
    public void Term_missing_its_end()
    {
        SingleError("emeritus:\n  - github: bob\n    role: tech_lead\n    term: { start: 2022-03-01 }\n", 4, "emeritus[0].term.end", "missing end date");
    }

    [Fact]
    public void Emeritus_entry_needs_a_role()
    {
        SingleError("emeritus:\n  - { github: bob }\n", 2, "emeritus[0].role", "missing role");
    }

    [Fact]
    public void Person_listed_twice_case_insensitively()
    {
        var error = SingleError("""
            people:
              - github: alice
                region: EMEA
              - github: bob
              - github: Alice
            """, 5, "people[2].github", "'Alice' is already listed in people on line 2");

        Assert.Equal(13, error.Column);
    }

    [Fact]
    public void Holder_listed_twice_in_one_role()
    {
        SingleError("""
            roles:
              member:
                - { github: carol }
                - { github: dave }
                - { github: CAROL }
              tech_lead:
                - { github: carol }
            """, 5, "roles.member[2].github", "'CAROL' already holds this role on line 3");
    }

    [Fact]
    public void Region_not_in_the_policy()
    {
        SingleError("people:\n  - github: alice\n    region: Europe\n", 3, "people[0].region", "region 'Europe' is not one of the policy's regions (APAC, EMEA, Americas)", Regions);
    }

    [Fact]
    public void Any_region_is_accepted_without_policy_regions()
    {
        Assert.Equal("Europe", LoadValid("people:\n  - github: alice\n    region: Europe\n").FindPerson("alice")!.Region);
    }

    [Theory]
    [InlineData("people:\n  - alice\n", 2, "people[0]", "expected a person like { github: alice")]
    [InlineData("roles:\n  member: carol\n", 2, "roles.member", "expected a list, found \"carol\"")]
    [InlineData("roles:\n  member:\n    - carol\n", 3, "roles.member[0]", "expected a holder like { github: alice")]
    [InlineData("people:\n  - github: alice\n    compnay: Example\n", 3, "people[0].compnay", "did you mean 'company'?")]
    [InlineData("- alice\n", 1, "(file)", "expected a map with people, roles and emeritus")]
    [InlineData("people:\n  - github: alice\npeople: []\n", 3, "people", "duplicate key 'people' (first set on line 1)")]
    [InlineData("roles:\n  tech_lead:\n    - { github: alice, term: 2025 }\n", 3, "roles.tech_lead[0].term", "expected a map of settings, found 2025")]
    public void Shape_errors(string yaml, int line, string key, string message)
    {
        SingleError(yaml, line, key, message);
    }

    [Fact]
    public void Several_roster_errors_are_reported_together()
    {
        var result = RosterReader.Read("""
            people:
              - github: alice
                region: Mars
              - github: al ice
            roles:
              tech_lead:
                - { github: alice, term: { start: 2025-13-01, end: 2027-03-01 } }
                - { github: alice }
            emeritus:
              - { role: chair }
            """, File, Regions);

        Assert.Equal(
            [
                (3, "people[0].region"),
                (4, "people[1].github"),
                (7, "roles.tech_lead[0].term.start"),
                (8, "roles.tech_lead[1].github"),
                (10, "emeritus[0].github"),
            ],
            result.Errors.Select(e => (e.Line, e.Key)));
    }
}
