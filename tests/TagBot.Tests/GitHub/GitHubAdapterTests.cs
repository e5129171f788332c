using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.GitHub;

/// <summary>
/// The GitHub adapter against the fake over HTTP: App auth and token caching, conditional reads,
/// and the Polly pipeline's answers to server errors and rate limits.
/// </summary>
public sealed class GitHubAdapterTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> ProposalAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        await _world.IdleAsync();
        return issue;
    }

    private int StatusComments(int issue) => GitHub.Comments(Repo, issue).Count(c => Markers.IsStatus(c.Body));

    [Fact]
    public async Task An_installation_token_is_minted_once_and_renewed_only_near_its_expiry()
    {
        var issue = await ProposalAsync();
        for (var i = 0; i < 5; i++)
        {
            await _world.CommentAsync(issue, "member-mia", "/support");
        }

        await _world.IdleAsync();
        Assert.Equal(1, GitHub.TokensIssued);

        _world.Clock.Advance(TimeSpan.FromMinutes(56));
        await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.IdleAsync();

        Assert.Equal(2, GitHub.TokensIssued);
    }

    [Fact]
    public async Task Unchanged_policy_roster_and_comment_pages_are_read_conditionally()
    {
        var issue = await ProposalAsync();
        GitHub.Requests.Clear();

        await _world.CommentAsync(issue, "random-rita", "/tagbot status");
        await _world.IdleAsync();

        // Policy and roster are found through one root listing, answered 304; their texts are remembered by blob SHA.
        var contents = Assert.Single(GitHub.Requests.Matching("GET", $"repos/{Repo}/contents"));
        Assert.Equal($"repos/{Repo}/contents/", contents.Path);
        Assert.True(contents.NotModified);
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_retried_in_place()
    {
        var issue = await ProposalAsync();
        GitHub.Faults.Add("GET", $"repos/{Repo}/issues/{issue}/comments", Fault.Status(502), times: 2);
        GitHub.Requests.Clear();

        var support = await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.IdleAsync();

        Assert.Equal(3, GitHub.Requests.Matching("GET", $"repos/{Repo}/issues/{issue}/comments").Count);
        Assert.Contains("+1", GitHub.Reactions(support).Select(r => r.Content));
    }

    [Fact]
    public async Task A_dropped_connection_on_a_read_is_retried()
    {
        var issue = await ProposalAsync();
        GitHub.Faults.Add("GET", $"repos/{Repo}/issues/{issue}", Fault.Abort(), times: 1);

        var support = await _world.CommentAsync(issue, "lead-lee", "/support");
        await _world.IdleAsync();

        Assert.Contains("+1", GitHub.Reactions(support).Select(r => r.Content));
    }

    [Fact]
    public async Task A_server_error_on_a_post_is_not_repeated_in_place_and_the_next_reconcile_posts_once()
    {
        GitHub.Faults.Add("POST", $"repos/{Repo}/issues/1/comments", Fault.Status(502), times: 1);

        var issue = await ProposalAsync();

        Assert.Equal(1, issue);
        Assert.Equal(2, GitHub.Requests.Matching("POST", $"repos/{Repo}/issues/1/comments").Count);
        Assert.Equal(1, StatusComments(issue));
    }

    [Fact]
    public async Task A_secondary_rate_limit_is_waited_out_as_Retry_After_says()
    {
        GitHub.Faults.Add("POST", $"repos/{Repo}/issues/1/comments", Fault.SecondaryRateLimit(1), times: 1);

        var issue = await ProposalAsync();

        var posts = GitHub.Requests.Matching("POST", $"repos/{Repo}/issues/{issue}/comments").ToList();
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {posts[1].At - posts[0].At}");
        Assert.Equal(1, StatusComments(issue));
    }

    [Fact]
    public async Task A_429_is_waited_out_and_retried()
    {
        GitHub.Faults.Add("POST", $"repos/{Repo}/issues/1/labels", Fault.TooManyRequests(1), times: 1);

        var issue = await ProposalAsync();

        Assert.Equal(2, GitHub.Requests.Matching("POST", $"repos/{Repo}/issues/{issue}/labels").Count);
        Assert.Contains("status/discussion", _world.Labels(issue));
    }

    [Fact]
    public async Task An_exhausted_primary_limit_resetting_soon_is_waited_out()
    {
        GitHub.Faults.Add("GET", $"repos/{Repo}/issues/1", Fault.PrimaryRateLimit(_world.Clock.GetUtcNow().AddSeconds(1)), times: 1);

        var issue = await ProposalAsync();

        Assert.Contains("status/discussion", _world.Labels(issue));
    }

    [Fact]
    public async Task An_exhausted_primary_limit_resetting_later_reschedules_the_issue_for_the_reset()
    {
        GitHub.Faults.Add("GET", $"repos/{Repo}/issues/1", Fault.PrimaryRateLimit(_world.Clock.GetUtcNow().AddMinutes(30)), times: 1);
        var issue = GitHub.CreateIssue(Repo, "chair-carla", "Proposal", "body", ["proposal"]);
        await _world.Deliver("issues", Payloads.Issues("opened", Repo, GovernanceWorld.Installation, issue, "chair-carla", ["proposal"]));
        bool Read() => GitHub.Requests.Snapshot().Any(r => r.Method == "GET" && r.Path == $"repos/{Repo}/issues/{issue}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Read() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        // Many times the harness's retry backoff: a retry that ignored the reset would show by now.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Single(GitHub.Requests.Snapshot(), r => r.Method == "GET" && r.Path == $"repos/{Repo}/issues/{issue}");
        Assert.Equal(0, StatusComments(issue));

        _world.Clock.Advance(TimeSpan.FromMinutes(31));
        await _world.IdleAsync();
        Assert.Equal(1, StatusComments(issue));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        GitHub.Faults.Add("POST", $"repos/{Repo}/issues/1/labels", Fault.Status(422, "Validation Failed"), times: 1);

        var issue = await ProposalAsync();

        // The 422 fails that reconcile; the next attempt re-reads the issue first. Never an in-place repeat.
        var labelPosts = GitHub.Requests.Matching("POST", $"repos/{Repo}/issues/{issue}/labels");
        Assert.Equal(422, labelPosts[0].StatusCode);
        Assert.NotEqual(422, labelPosts[1].StatusCode);
        Assert.Contains(GitHub.Requests.Snapshot(), r => r.Sequence > labelPosts[0].Sequence && r.Sequence < labelPosts[1].Sequence
            && r.Method == "GET" && r.Path == $"repos/{Repo}/issues/{issue}");
    }
}
