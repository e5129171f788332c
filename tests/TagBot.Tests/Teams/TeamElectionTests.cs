using TagBot.Core.Elections.Record;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Teams;

/// <summary>
/// GitHub teams (<c>team:ORG/SLUG</c>) as voters, chairs and candidates of an election, over HTTP against the fake's
/// <c>GET /orgs/{org}/teams/{slug}/members</c>: the members are frozen with the election when it opens, so a change to
/// the team mid-vote changes nobody's vote, and the status says who joined and left.
/// </summary>
public sealed class TeamElectionTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;

    // Two binding supports elect: apac-ann is elected only if both frozen team members count.
    private const string Policy = """
        voters: [chair, team:cncf/voters]
        chairs: [chair, team:cncf/officers]
        elections:
          support_required: 2
          candidates: [member, team:cncf/candidates]

        """;

    private const string Roster = """
        people:
          - { github: chair-carla, region: EMEA }
          - { github: apac-ann, region: APAC }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
          member:
            - { github: apac-ann }
        emeritus: []

        """;

    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(Policy, Roster);
        GitHub.SetTeam("cncf", "voters", "voter-vic", "voter-vera");
        GitHub.SetTeam("cncf", "officers", "officer-olive");
        GitHub.SetTeam("cncf", "candidates", "cand-cody");
        GitHub.AddUser("chair-carla");
        GitHub.AddUser("apac-ann");
        GitHub.AddUser("newbie-ned");
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private string Status(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;

    private ElectionRecord? Record(int issue) =>
        GitHub.Comments(Repo, issue).Where(c => c.Body.StartsWith(Markers.ElectionRecord, StringComparison.Ordinal))
            .Select(c => ElectionRecordText.Parse(c.Body)).SingleOrDefault();

    private static string Position(string voter, string nominee, bool binding) => $"| @{voter} | @{nominee} | support | {(binding ? "yes" : "no")} |";

    [Fact]
    public async Task A_team_changed_mid_vote_counts_as_frozen_a_removed_member_still_counts_and_an_added_one_does_not()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "voter-vic", "/support @apac-ann");
        await _world.IdleAsync();

        var record = Record(issue)!;
        Assert.Equal(["voter-vic", "voter-vera"], record.Teams["team:cncf/voters"]);
        Assert.Equal(GitHub.AddUser("voter-vera").Id, record.IdOf("voter-vera"));
        Assert.Equal(GitHub.AddUser("cand-cody").Id, record.IdOf("cand-cody"));

        GitHub.SetTeam("cncf", "voters", "voter-vic", "newbie-ned");
        await _world.CommentAsync(issue, "voter-vera", "/support @apac-ann");
        await _world.CommentAsync(issue, "newbie-ned", "/support @apac-ann");
        await _world.IdleAsync();

        var status = Status(issue);
        Assert.True(status.Contains(Position("voter-vera", "apac-ann", binding: true), StringComparison.Ordinal), status);
        Assert.Contains(Position("newbie-ned", "apac-ann", binding: false), status, StringComparison.Ordinal);
        Assert.Contains(Position("voter-vic", "apac-ann", binding: true), status, StringComparison.Ordinal);
        Assert.Contains("The GitHub team `team:cncf/voters` has changed since the freeze", status, StringComparison.Ordinal);
        Assert.Contains("added since, not counted through the team: @newbie-ned", status, StringComparison.Ordinal);
        Assert.Contains("removed since, still counted: @voter-vera", status, StringComparison.Ordinal);
        Assert.Contains("the team's members as frozen when it opened", status, StringComparison.Ordinal);

        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.Single(GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task A_chair_from_a_team_closes_the_election_and_a_candidate_from_a_team_stands()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "cand-cody", "/nominate APAC");
        await _world.CommentAsync(issue, "newbie-ned", "/nominate");
        await _world.CommentAsync(issue, "voter-vic", "/support @cand-cody");
        await _world.CommentAsync(issue, "voter-vera", "/support @cand-cody");
        await _world.CommentAsync(issue, "newbie-ned", "/close-election");
        await _world.IdleAsync();

        Assert.DoesNotContain("election/closed", _world.Labels(issue));
        Assert.Contains(GitHub.Comments(Repo, issue), c => c.Body.Contains("only chairs (`chair`, `team:cncf/officers`) can close an election", StringComparison.Ordinal));
        Assert.Contains(GitHub.Comments(Repo, issue), c => c.Body.Contains("cannot stand", StringComparison.Ordinal) && c.Body.Contains("@newbie-ned", StringComparison.Ordinal));

        await _world.CommentAsync(issue, "officer-olive", "/close-election");
        await _world.IdleAsync();

        Assert.Contains("election/closed", _world.Labels(issue));
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        Assert.Contains("cand-cody", GitHub.GetFile(Repo, "governance/roster.yaml", pull.HeadRef)!.Text, StringComparison.Ordinal);
    }
}
