using TagBot.Core.Status;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Teams;

/// <summary>
/// How TagBot reads GitHub teams, over HTTP: a proposal judges by the team's current members; a team it cannot read
/// (404, 403) is a warning in the status comment naming the team and what to do, and the election does not freeze;
/// a team of 250 is read in pages of 100, and an unchanged team costs 304s on the next pass.
/// </summary>
public sealed class TeamReadingTests
{
    private const string Repo = GovernanceWorld.Repo;

    private static string Status(GovernanceWorld world, int issue) =>
        Assert.Single(world.GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;

    [Fact]
    public async Task A_proposal_whose_voters_are_a_team_reads_the_current_membership()
    {
        await using var world = await GovernanceWorld.StartAsync(
            policy: "voters: [team:cncf/voters]\nproposals:\n  min_discussion_days: 0\n  support_required: 1\n");
        world.GitHub.SetTeam("cncf", "voters", "voter-vic");
        var issue = await world.OpenIssueAsync("chair-carla", "[Proposal] Charter update", "proposal");
        await world.CommentAsync(issue, "voter-vic", "/support");
        await world.IdleAsync();
        Assert.Contains("status/consensus", world.Labels(issue));

        world.GitHub.SetTeam("cncf", "voters", "voter-vera");
        await world.CommentAsync(issue, "member-mia", "/tagbot status");
        await world.IdleAsync();

        Assert.Contains("status/discussion", world.Labels(issue));
        Assert.DoesNotContain(world.GitHub.Comments(Repo, issue), c => Markers.IsElectionRecord(c.Body));
        Assert.Contains("the team's current members", Status(world, issue), StringComparison.Ordinal);
        Assert.Empty(world.GitHub.UnhandledErrors);
    }

    [Fact]
    public async Task A_team_that_does_not_exist_is_a_warning_naming_it_and_the_election_neither_freezes_nor_closes()
    {
        await using var world = await GovernanceWorld.StartAsync(policy: "voters: [chair, team:cncf/nope]\n");
        var issue = await world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await world.CommentAsync(issue, "member-mia", "/nominate");
        await world.CommentAsync(issue, "chair-carla", "/close-election");
        await world.IdleAsync();

        var status = Status(world, issue);
        Assert.True(status.Contains("TagBot cannot read the GitHub team `team:cncf/nope` (named in `voters`): GitHub answers 404", StringComparison.Ordinal), status);
        Assert.Contains("Check the slug in the team's URL", status, StringComparison.Ordinal);
        Assert.Contains("This election is not frozen yet", status, StringComparison.Ordinal);
        Assert.DoesNotContain(world.GitHub.Comments(Repo, issue), c => Markers.IsElectionRecord(c.Body));
        Assert.Contains(world.GitHub.Comments(Repo, issue), c => c.Body.Contains("the GitHub team `team:cncf/nope` cannot be read", StringComparison.Ordinal));
        Assert.Contains("election/open", world.Labels(issue));

        // Once the team exists the election freezes with it, and the close refused meanwhile is replayed.
        world.GitHub.SetTeam("cncf", "nope", "voter-vic");
        await world.CommentAsync(issue, "member-mia", "/tagbot status");
        await world.IdleAsync();
        Assert.Contains(world.GitHub.Comments(Repo, issue), c => Markers.IsElectionRecord(c.Body));
        Assert.DoesNotContain("TagBot cannot read the GitHub team", Status(world, issue), StringComparison.Ordinal);
        Assert.Empty(world.GitHub.UnhandledErrors);
    }

    [Fact]
    public async Task A_team_of_another_org_or_one_the_app_may_not_read_is_a_warning_and_its_members_are_not_binding()
    {
        await using var world = await GovernanceWorld.StartAsync(
            policy: "voters: [team:cncf/voters, team:other-org/toc]\nproposals:\n  min_discussion_days: 0\n  support_required: 1\n");
        world.GitHub.SetTeam("cncf", "voters", "voter-vic");
        world.GitHub.ForbidTeams("cncf");
        var issue = await world.OpenIssueAsync("chair-carla", "[Proposal] Charter update", "proposal");
        await world.CommentAsync(issue, "voter-vic", "/support");
        await world.IdleAsync();

        var status = Status(world, issue);
        Assert.True(status.Contains("TagBot cannot read the GitHub team `team:cncf/voters` (named in `voters`): GitHub answers 403", StringComparison.Ordinal), status);
        Assert.Contains("\"Members: read\"", status, StringComparison.Ordinal);
        Assert.Contains("TagBot cannot read the GitHub team `team:other-org/toc` (named in `voters`): GitHub answers 404", status, StringComparison.Ordinal);
        Assert.Contains("its members' positions are not binding", status, StringComparison.Ordinal);
        Assert.Contains("status/discussion", world.Labels(issue));
        Assert.Empty(world.GitHub.UnhandledErrors);
    }

    [Fact]
    public async Task A_team_of_250_is_read_in_three_pages_and_an_unchanged_team_costs_304s()
    {
        await using var world = await GovernanceWorld.StartAsync(
            policy: "voters: [team:cncf/everyone]\nproposals:\n  min_discussion_days: 0\n  quorum: 1/2\n");
        world.GitHub.SetTeam("cncf", "everyone", Enumerable.Range(1, 250).Select(i => $"voter-{i:000}"));
        var issue = await world.OpenIssueAsync("chair-carla", "[Proposal] Charter update", "proposal");
        await world.IdleAsync();

        var first = world.GitHub.Requests.Matching("GET", "orgs/cncf/teams/everyone/members");
        Assert.Contains("of the 250 voters", Status(world, issue), StringComparison.Ordinal);
        Assert.True(first.Count % 3 == 0 && first.Count > 0, string.Join("\n", first));
        Assert.All(first, r => Assert.Equal(200, r.StatusCode));

        world.GitHub.Requests.Clear();
        await world.CommentAsync(issue, "voter-250", "/support");
        await world.IdleAsync();

        var second = world.GitHub.Requests.Matching("GET", "orgs/cncf/teams/everyone/members");
        Assert.Equal(3, second.Count);
        Assert.All(second, r => Assert.True(r.NotModified, r.ToString()));
        var status = Status(world, issue);
        Assert.True(status.Contains("### Binding positions (1 support, 0 object)", StringComparison.Ordinal), status);
        Assert.Contains("| @voter-250 | support |", status, StringComparison.Ordinal);
        Assert.Empty(world.GitHub.UnhandledErrors);
    }
}
