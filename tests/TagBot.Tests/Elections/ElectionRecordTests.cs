using TagBot.Core.Elections.Record;
using TagBot.Core.Rosters;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// The frozen record over HTTP: an election reads the policy and roster at the commit it froze, and
/// matches people by GitHub user ID, whatever happens to the roster file or to logins mid-vote.
/// </summary>
public sealed class ElectionRecordTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const string RosterPath = "governance/roster.yaml";
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(roster: Roster(withDan: true));
        foreach (var login in new[] { "chair-carla", "apac-ann", "apac-dan", "lee" })
        {
            GitHub.AddUser(login);
        }
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private static string Roster(bool withDan) => $$"""
        people:
          - { github: chair-carla, region: EMEA }
          - { github: apac-ann, region: APAC }
        {{(withDan ? "  - { github: apac-dan, region: APAC }" : "")}}
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
          tech_lead:
            - { github: lee, term: { start: 2024-01-01, end: 2030-01-01 } }
          member:
            - { github: apac-ann }
        {{(withDan ? "    - { github: apac-dan }" : "")}}
        emeritus: []

        """;

    private string Status(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;

    private FakeComment Record(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.ElectionRecord, StringComparison.Ordinal));

    private async Task<int> OpenAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.IdleAsync();
        return issue;
    }

    [Fact]
    public async Task Opening_an_election_posts_a_record_of_the_commit_the_files_and_everyone_with_their_user_id()
    {
        var tip = GitHub.Branches(Repo).Single(b => b.Name == "main").Sha;

        var issue = await OpenAsync();

        var record = ElectionRecordText.Parse(Record(issue).Body);
        Assert.NotNull(record);
        Assert.Equal(tip, record.Commit);
        Assert.Equal(new[] { ".github/tagbot.yml", RosterPath }.Where(p => GitHub.GetFile(Repo, p) is not null), record.Files.Select(f => f.Path));
        Assert.Equal(GitHub.GetFile(Repo, RosterPath)!.Sha, record.ShaOf(RosterPath));
        Assert.Equal(["apac-ann", "apac-dan", "chair-carla", "lee"], record.People.Select(p => p.Login));
        Assert.All(record.People, p => Assert.Equal(GitHub.AddUser(p.Login).Id, p.Id));
        Assert.Contains("**Record:** frozen", Status(issue), StringComparison.Ordinal);

        // A second pass posts no second record.
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.IdleAsync();
        Record(issue);
    }

    [Fact]
    public async Task A_voter_removed_from_the_roster_mid_vote_still_counts_and_the_pull_request_edits_the_current_file()
    {
        var issue = await OpenAsync();
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.IdleAsync();

        GitHub.SetFile(Repo, RosterPath, Roster(withDan: false));
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        var status = Status(issue);
        Assert.True(status.Contains($"`{RosterPath}` has changed on the default branch since the freeze", StringComparison.Ordinal), status);
        var pull = Assert.Single(GitHub.PullRequests(Repo));
        var edited = RosterReader.Read(GitHub.GetFile(Repo, RosterPath, pull.HeadRef)!.Text, RosterPath).Roster!;
        Assert.Contains(edited.HoldersOf("tech_lead"), h => h.GitHub == "apac-ann");
        Assert.DoesNotContain(edited.HoldersOf("member"), h => h.GitHub == "apac-dan");
    }

    [Fact]
    public async Task A_member_renamed_mid_vote_keeps_their_vote_and_the_status_shows_the_new_login()
    {
        var issue = await OpenAsync();
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.IdleAsync();

        GitHub.RenameUser("apac-dan", "dan-renamed");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        var status = Status(issue);
        Assert.True(status.Contains("@dan-renamed (frozen as `apac-dan`)", StringComparison.Ordinal), status);
        Assert.Contains("@dan-renamed (was `apac-dan`)", status, StringComparison.Ordinal);
        Assert.Single(GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task Someone_who_takes_a_freed_login_does_not_inherit_its_role()
    {
        var issue = await OpenAsync();
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.IdleAsync();

        // apac-dan renames; a newcomer registers the freed login and supports.
        GitHub.RenameUser("apac-dan", "dan-renamed");
        GitHub.AddUser("apac-dan");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        Assert.Empty(GitHub.PullRequests(Repo));
        Assert.Contains("apac-dan#", Status(issue), StringComparison.Ordinal);
    }
}
