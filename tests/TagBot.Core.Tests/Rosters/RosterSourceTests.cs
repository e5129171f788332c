namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Policies;
using TagBot.Core.Rosters;

/// <summary>The one reading of a repository's roster: the policy's format picks the reader, the members file is merged.</summary>
public class RosterSourceTests
{
    private const string Tagbot = """
        people:
          - { github: alice, region: EMEA }
        roles:
          tech_lead:
            - { github: alice, term: { start: 2025-01-01, end: 2027-01-01 } }
        """;

    private const string TagsYaml = """
        tags:
          - dir: tag-security
            leadership:
              chairs:
                - github: eddie-knight
                  name: Eddie Knight
                  term:
                    start: "2024-05-01"
                    end: "2026-05-01"
        """;

    private const string Readme = """
        <!-- tagbot:roster:chair:start -->
        | Name | GitHub | Term |
        |------|--------|------|
        | Carla | @carla | 2025-01-01 – 2027-01-01 |
        <!-- tagbot:roster:chair:end -->

        <!-- tagbot:roster:tech_lead:start -->
        | Name | GitHub | Term |
        |------|--------|------|
        | Lee | @lee | 2025-01-01 – 2027-01-01 |
        <!-- tagbot:roster:tech_lead:end -->
        """;

    private const string Members = """
        people:
          - { github: Eddie-Knight, region: Americas }
          - { github: mia, region: APAC }
        roles:
          member:
            - { github: mia }
        """;

    private static Policy With(RosterSettings roster) => Policy.Default with { Roster = roster };

    [Fact]
    public void The_tagbot_format_is_read_by_default_and_ignores_a_members_file()
    {
        var result = RosterSource.Read(With(RosterSettings.Default with { MembersPath = "members.yaml" }), Tagbot, Members);

        Assert.True(result.IsValid);
        Assert.True(result.Roster!.HasRole("alice", "tech_lead"));
        Assert.Null(result.Roster.FindPerson("mia"));
    }

    [Fact]
    public void A_cncf_toc_policy_reads_its_entry_and_merges_regions_and_members_from_the_members_file()
    {
        var policy = With(new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-security", "members.yaml"));

        var roster = RosterSource.Read(policy, TagsYaml, Members).Roster!;

        Assert.True(roster.HasRole("eddie-knight", "chair"));
        Assert.Equal("Americas", roster.FindPerson("eddie-knight")!.Region);
        Assert.True(roster.HasRole("mia", RosterMerge.MemberRole));
    }

    [Fact]
    public void A_stale_cncf_toc_entry_is_an_error_located_in_the_roster_file()
    {
        var policy = With(new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-securty"));

        var error = Assert.Single(RosterSource.Read(policy, TagsYaml, null).Errors);

        Assert.Equal(("tags.yaml", 1), (error.File, error.Line));
        Assert.Contains("did you mean `tag-security`?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_table_policy_reads_the_tables_of_its_roles()
    {
        var policy = With(new RosterSettings("README.md", RosterFormat.MarkdownTable));

        var result = RosterSource.Read(policy, Readme, null);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Roster!.HasRole("carla", "chair"));
        Assert.True(result.Roster.HasRole("lee", "tech_lead"));
    }

    [Fact]
    public void An_error_in_the_members_file_names_the_members_file_not_the_roster()
    {
        var policy = With(new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-security", "members.yaml"));

        var error = Assert.Single(RosterSource.Read(policy, TagsYaml, "people:\n  - { github: mia, region: Mars }\n").Errors);

        Assert.Equal(("members.yaml", 2), (error.File, error.Line));
    }

    [Fact]
    public void A_roster_file_is_never_read_in_another_format_than_the_policy_names()
    {
        // The bug this type exists for: cncf/toc's file read as a tagbot roster.
        var asTagbot = RosterSource.Read(Policy.Default, TagsYaml, null);
        var asCncfToc = RosterSource.Read(With(new RosterSettings("tags.yaml", RosterFormat.CncfToc, "tag-security")), TagsYaml, null);

        Assert.Contains(asTagbot.Errors, e => e.Message.Contains("unknown key 'tags'", StringComparison.Ordinal));
        Assert.True(asCncfToc.IsValid);
    }
}
