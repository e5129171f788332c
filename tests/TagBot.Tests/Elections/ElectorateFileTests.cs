using TagBot.Core.Elections.Record;
using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// An election whose electorate is an Elekto <c>voters.yaml</c>, over HTTP: the listed voters are binding and roster
/// roles add nobody; the file is frozen with the election (a voter removed mid-vote still counts); a broken file is
/// a located warning in the status comment, nobody is binding, and the election freezes once the file is fixed.
/// </summary>
public sealed class ElectorateFileTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const string VotersPath = "elections/2026/voters.yaml";

    // Two binding supports elect: apac-ann is elected only if both listed voters count.
    private const string Policy = $$"""
        elections:
          support_required: 2
          electorate: { path: {{VotersPath}}, format: elekto }

        """;

    private const string Roster = """
        people:
          - { github: chair-carla, region: EMEA }
          - { github: apac-ann, region: APAC }
          - { github: apac-dan, region: APAC }
        roles:
          chair:
            - { github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
          member:
            - { github: apac-ann }
            - { github: apac-dan }
        emeritus: []

        """;

    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(Policy, Roster);
        foreach (var login in new[] { "chair-carla", "apac-ann", "apac-dan", "outsider-olga", "voter-vic" })
        {
            GitHub.AddUser(login);
        }
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private static string Voters(params string[] logins) =>
        "# 2026 election\neligible_voters:\n" + string.Concat(logins.Select(l => $"- {l}\n"));

    private string Status(int issue) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Status, StringComparison.Ordinal)).Body;

    private FakeComment? Record(int issue) =>
        GitHub.Comments(Repo, issue).SingleOrDefault(c => c.Body.StartsWith(Markers.ElectionRecord, StringComparison.Ordinal));

    private static string Position(string voter, bool binding) => $"| @{voter} | @apac-ann | support | {(binding ? "yes" : "no")} |";

    [Fact]
    public async Task Listed_voters_are_binding_a_member_not_listed_is_not_and_a_voter_removed_mid_vote_still_counts()
    {
        GitHub.SetFile(Repo, VotersPath, Voters("outsider-olga", "voter-vic"));
        var frozenSha = GitHub.GetFile(Repo, VotersPath)!.Sha;
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "outsider-olga", "/support @apac-ann");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.CommentAsync(issue, "voter-vic", "/support @apac-ann");
        await _world.IdleAsync();

        var record = ElectionRecordText.Parse(Record(issue)!.Body)!;
        Assert.Equal(frozenSha, record.ShaOf(VotersPath));
        Assert.Equal(GitHub.AddUser("voter-vic").Id, record.IdOf("voter-vic"));
        Assert.Equal(GitHub.AddUser("outsider-olga").Id, record.IdOf("outsider-olga"));

        GitHub.SetFile(Repo, VotersPath, Voters("outsider-olga"));
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        var status = Status(issue);
        Assert.True(status.Contains(Position("outsider-olga", binding: true), StringComparison.Ordinal), status);
        Assert.Contains(Position("apac-dan", binding: false), status, StringComparison.Ordinal);
        Assert.Contains(Position("voter-vic", binding: true), status, StringComparison.Ordinal);
        Assert.Contains($"the 2 voters listed in `{VotersPath}`", status, StringComparison.Ordinal);
        Assert.Contains($"`{VotersPath}` has changed on the default branch since the freeze", status, StringComparison.Ordinal);
        Assert.Single(GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task A_broken_file_is_a_located_warning_nobody_is_binding_and_the_election_freezes_once_it_is_fixed()
    {
        GitHub.SetFile(Repo, VotersPath, "# 2026 election\neligible_voters:\n- outsider-olga\n-\n");
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "outsider-olga", "/support @apac-ann");
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        var status = Status(issue);
        Assert.True(status.Contains($"`{VotersPath}:4:", StringComparison.Ordinal), status);
        Assert.Contains("eligible_voters[1]: an empty item", status, StringComparison.Ordinal);
        Assert.Contains("This election is not frozen yet", status, StringComparison.Ordinal);
        Assert.Contains(Position("outsider-olga", binding: false), status, StringComparison.Ordinal);
        Assert.Contains("election/open", _world.Labels(issue));
        Assert.Null(Record(issue));
        Assert.Contains(GitHub.Comments(Repo, issue), c => c.Body.Contains("the election cannot close", StringComparison.Ordinal));

        GitHub.SetFile(Repo, VotersPath, Voters("outsider-olga"));
        await _world.CommentAsync(issue, "outsider-olga", "/tagbot status");
        await _world.IdleAsync();

        Assert.NotNull(Record(issue));
        status = Status(issue);
        Assert.DoesNotContain($"`{VotersPath}:4:", status, StringComparison.Ordinal);
        Assert.Contains(Position("outsider-olga", binding: true), status, StringComparison.Ordinal);

        // Comments are replayed: the close refused meanwhile counts now, as one refused for an unknown role would.
        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.Empty(GitHub.PullRequests(Repo));
    }
}
