using TagBot.Core.Status;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Proposals;

/// <summary>
/// <c>proposals.electorate</c> over HTTP: with <c>frozen</c>, a proposal judges binding positions by
/// the roster as it was when it opened; with <c>current</c> (the default), by the roster now.
/// </summary>
public sealed class FrozenElectorateTests
{
    private const string Repo = GovernanceWorld.Repo;

    private const string RosterWithoutMia = """
        people:
          - { github: chair-carla, name: Carla Chair, company: Acme, region: EMEA }
          - { github: lead-lee, name: Lee Lead, company: Initech, region: APAC }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2027-01-01 } }
          tech_lead:
            - { github: lead-lee, term: { start: 2025-03-01, end: 2027-03-01 } }
          member: []
        """;

    private static async Task<(GovernanceWorld World, int Issue)> SupportAfterRemovalAsync(string electorate)
    {
        var world = await GovernanceWorld.StartAsync(
            policy: $"proposals:\n  electorate: {electorate}\n  min_discussion_days: 0\n  support_required: 1\n");
        var issue = await world.OpenIssueAsync("chair-carla", "[Proposal] Charter update", "proposal");
        await world.IdleAsync();
        world.GitHub.SetFile(Repo, "governance/roster.yaml", RosterWithoutMia);
        await world.CommentAsync(issue, "member-mia", "/support");
        await world.IdleAsync();
        return (world, issue);
    }

    [Fact]
    public async Task With_a_frozen_electorate_a_member_removed_after_the_opening_still_gives_binding_support()
    {
        var (world, issue) = await SupportAfterRemovalAsync("frozen");
        await using var _ = world;

        Assert.Contains(world.GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.ElectionRecord + "\n## Proposal record", StringComparison.Ordinal));
        Assert.Contains("status/consensus", world.Labels(issue));
        Assert.Empty(world.GitHub.UnhandledErrors);
    }

    [Fact]
    public async Task With_the_current_electorate_the_same_support_is_not_binding()
    {
        var (world, issue) = await SupportAfterRemovalAsync("current");
        await using var _ = world;

        Assert.DoesNotContain(world.GitHub.Comments(Repo, issue), c => Markers.IsElectionRecord(c.Body));
        Assert.Contains("status/discussion", world.Labels(issue));
        Assert.Empty(world.GitHub.UnhandledErrors);
    }
}
