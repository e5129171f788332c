namespace TagBot.Core.Tests.Rosters;

using TagBot.Core.Rosters;

public class RosterMergeTests
{
    private const string Members = """
        people:
          - { github: Eddie-Knight, name: Edward Knight, region: Americas }
          - { github: alice, name: Alice Example, company: Example Corp, region: EMEA }
          - { github: carol, region: APAC }
        roles:
          member:
            - { github: carol }
            - { github: alice }
          chair:
            - { github: mallory }
        emeritus:
          - { github: dan, role: member }
          - { github: erin, role: chair }
        """;

    private static readonly string TagsYaml = """
        - dir: tag-security
          leadership:
            chairs:
              - github: eddie-knight
                name: Eddie Knight
                company: Sonatype
            tech_leads:
              - github: alice
                name:
                company: Other Corp
        """;

    [Fact]
    public void Leadership_roles_from_the_roster_and_members_and_regions_from_the_members_file()
    {
        var leadership = CncfTocReader.Read(TagsYaml, "tags.yaml", "tag-security").Roster!;
        var members = RosterReader.Read(Members, "members.yaml").Roster!;

        var roster = RosterMerge.Combine(leadership, members);

        Assert.Equal(["chair", "tech_lead", "member"], roster.Roles.Keys);
        Assert.Equal(["eddie-knight"], roster.HoldersOf("chair").Select(h => h.GitHub));
        Assert.Equal(["carol", "alice"], roster.HoldersOf("member").Select(h => h.GitHub));
        Assert.Equal(
            [
                new Person("eddie-knight", "Eddie Knight", "Sonatype", "Americas"),
                new Person("alice", "Alice Example", "Other Corp", "EMEA"),
                new Person("carol", null, null, "APAC"),
            ],
            roster.People.Values);
        Assert.Equal(["dan"], roster.Emeritus.Select(e => e.GitHub));
    }

    [Fact]
    public void Without_a_members_file_the_leadership_roster_is_the_roster()
    {
        var leadership = CncfTocReader.Read(TagsYaml, "tags.yaml", "tag-security").Roster!;

        Assert.Same(leadership, RosterMerge.Combine(leadership, null));
    }
}
