using TagBot.Cli;

namespace TagBot.Tests.Cli;

/// <summary>The scenario reader reports every problem located, on the policy's YAML reader.</summary>
public sealed class ScenarioReaderTests
{
    private const string Valid = """
        roster: |
          people:
            - github: alice
        issue:
          number: 4
          author: alice
          created: 2026-03-01T09:00:00Z
          labels: [nomination]
        comments:
          - { author: "dependabot[bot]", at: 2026-03-01T10:00:00Z, body: "/support" }
          - author: "@bob"
            at: 2026-03-01T11:00:00+01:00
            body: /nominate @alice
        now: 2026-03-02T09:00:00Z
        """;

    [Fact]
    public void A_valid_scenario_reads_with_logins_times_and_the_embedded_roster_located()
    {
        var (scenario, errors) = ScenarioReader.Read(Valid);

        Assert.Empty(errors);
        Assert.NotNull(scenario);
        Assert.Equal(4, scenario.Issue.Number);
        Assert.Equal(["nomination"], scenario.Issue.Labels);
        Assert.Equal(["dependabot[bot]", "bob"], scenario.Comments.Select(c => c.Author));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), scenario.Comments[1].At);
        Assert.Equal(11, scenario.Comments[1].Line);
        Assert.Equal("people:\n  - github: alice\n", scenario.Roster.Text);
        Assert.True(scenario.Roster.LineForLine);
        Assert.Equal((1, 2), (scenario.Roster.Line, scenario.Roster.Indent));
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_read_like_the_plain_file()
    {
        var (scenario, errors) = ScenarioReader.Read("\uFEFF" + Valid.ReplaceLineEndings("\r\n"));

        Assert.Empty(errors);
        Assert.Equal("alice", scenario!.Issue.Author);
        Assert.Equal(2, scenario.Comments.Count);
    }

    [Fact]
    public void Every_wrong_value_is_reported_with_line_column_and_key_in_one_pass()
    {
        var (scenario, errors) = ScenarioReader.Read("""
            roster: [not, text]
            issue:
              number: zero
              author: "not a login"
              created: yesterday
              labelz: []
            comments:
              - just text
              - { author: bob, body: hi }
            extra: 1
            """);

        Assert.Null(scenario);
        string[] expected =
        [
            "1:9: roster: expected the roster file's text as a block scalar",
            "3:11: issue.number: expected a whole number ≥ 1, found \"zero\"",
            "4:11: issue.author: expected a GitHub login",
            "5:12: issue.created: expected a date and time",
            "6:3: issue.labelz: unknown key 'labelz'",
            "8:5: comments[0]: expected a comment",
            "9:5: comments[1].at: missing",
            "10:1: extra: unknown key 'extra'",
        ];
        var shown = errors.Select(e => e.Format("s.yml")["s.yml:".Length..]).ToList();
        Assert.Equal(expected.Length, shown.Count);
        Assert.All(expected.Zip(shown), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_key_is_reported_and_the_rest_of_the_file_is_still_checked()
    {
        var (_, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue:
              author: alice
              author: bob
              created: 2026-03-01T09:00:00Z
            now: soon
            """);

        Assert.Equal(2, errors.Count);
        Assert.Equal((5, "issue.author"), (errors[0].Line, errors[0].Key));
        Assert.Contains("duplicate", errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((7, "now"), (errors[1].Line, errors[1].Key));
    }

    [Fact]
    public void A_list_left_open_at_the_end_of_the_file_is_blamed_where_it_opens()
    {
        var (_, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue:
              author: alice
              created: 2026-03-01T09:00:00Z
              labels: [proposal
            """);

        var error = Assert.Single(errors);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("YAML syntax error: the file ends inside something opened here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_used_for_indentation_is_blamed_on_its_own_line()
    {
        var (_, errors) = ScenarioReader.Read("roster: |\n  people: []\nissue:\n  author: alice\n\tcreated: 2026-03-01T09:00:00Z\n");

        var error = Assert.Single(errors);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Contains("tab is used for indentation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_must_tell_a_story_comments_after_the_issue_and_now_after_the_last_event()
    {
        var (scenario, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-02T09:00:00Z }
            comments:
              - { author: bob, at: 2026-03-01T09:00:00Z, body: early }
              - { author: bob, at: 2026-03-03T09:00:00Z, body: late }
            now: 2026-03-02T12:00:00Z
            """);

        Assert.Null(scenario);
        Assert.Collection(errors,
            e => Assert.Equal("5:1: comments[0].at: 2026-03-01 09:00 UTC is before the issue was created (2026-03-02 09:00 UTC)", e.Format("")[1..]),
            e => Assert.Equal((7, "now"), (e.Line, e.Key)));
        Assert.Contains("before the last event (2026-03-03 09:00 UTC)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_map_or_lacks_the_required_keys_says_what_is_expected()
    {
        var (_, list) = ScenarioReader.Read("- a\n- b\n");
        Assert.Contains("expected a map with the keys roster, issue and comments", Assert.Single(list).Message, StringComparison.Ordinal);

        var (_, missing) = ScenarioReader.Read("comments: []\n");
        Assert.Equal(["roster", "issue"], missing.Select(e => e.Key));
        Assert.All(missing, e => Assert.StartsWith("missing; expected", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Commits_read_with_their_times_files_and_messages_located_line_for_line()
    {
        var (scenario, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-02T09:00:00Z }
            commits:
              - at: 2026-03-01T09:00:00Z
                message: before the issue is fine
                roster: |
                  people:
                    - github: alice
              - { at: 2026-03-04T12:00:00Z, policy: "proposals: { min_discussion_days: 3 }" }
            """);

        Assert.Empty(errors);
        Assert.NotNull(scenario);
        Assert.Collection(scenario.Commits,
            c =>
            {
                Assert.Equal(("scenario-1", "before the issue is fine", 5), (c.Id, c.Message, c.Line));
                Assert.Equal("people:\n  - github: alice\n", c.Roster!.Text);
                Assert.Equal(("commits[0].roster", 7, 6), (c.Roster.Key, c.Roster.Line, c.Roster.Indent));
                Assert.Null(c.Policy);
            },
            c =>
            {
                Assert.Equal(("scenario-2", new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero)), (c.Id, c.At));
                Assert.Equal("proposals: { min_discussion_days: 3 }", c.Policy!.Text);
                Assert.Null(c.Roster);
            });
    }

    [Fact]
    public void A_wrong_commit_is_reported_with_line_column_and_key()
    {
        var (scenario, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-02T09:00:00Z }
            commits:
              - { at: next tuesday, roster: "people: []" }
              - { at: 2026-03-04T12:00:00Z, rooster: "people: []" }
              - { at: 2026-03-05T12:00:00Z, message: changes nothing }
              - just text
            """);

        Assert.Null(scenario);
        string[] expected =
        [
            "5:11: commits[0].at: expected a date and time such as 2026-03-02T09:00:00Z",
            "6:5: commits[1]: a commit changes at least one file",
            "6:33: commits[1].rooster: unknown key 'rooster'",
            "7:5: commits[2]: a commit changes at least one file",
            "8:5: commits[3]: expected a commit",
        ];
        var shown = errors.Select(e => e.Format("s.yml")["s.yml:".Length..]).ToList();
        Assert.Equal(expected.Length, shown.Count);
        Assert.All(expected.Zip(shown), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void Commits_must_be_listed_in_the_order_they_land_and_now_must_follow_the_last()
    {
        var (scenario, errors) = ScenarioReader.Read("""
            roster: |
              people: []
            issue: { author: alice, created: 2026-03-02T09:00:00Z }
            commits:
              - { at: 2026-03-05T09:00:00Z, roster: "people: []" }
              - { at: 2026-03-04T09:00:00Z, roster: "people: []" }
            now: 2026-03-04T12:00:00Z
            """);

        Assert.Null(scenario);
        Assert.Collection(errors,
            e => Assert.Equal("6:1: commits[1].at: 2026-03-04 09:00 UTC is before the commit listed above it (2026-03-05 09:00 UTC); "
                + "list commits in the order they land", e.Format("")[1..]),
            e => Assert.Equal((7, "now"), (e.Line, e.Key)));
        Assert.Contains("before the last event (2026-03-05 09:00 UTC)", errors[1].Message, StringComparison.Ordinal);
    }
}
