using TagBot.Core.Status;
using TagBot.Tests.FakeGitHub;
using TagBot.Tests.Harness;

namespace TagBot.Tests.Elections;

/// <summary>
/// Deadlines and undo over HTTP: the sweep closes an election at its frozen voting deadline, commands
/// outside their phase are refused with the dates, and a chair's <c>/reopen-election</c> closes the
/// roster pull request so that the next close posts a new result and a new pull request.
/// </summary>
public sealed class ElectionPhaseTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private const string Policy = "elections:\n  nominations_days: 3\n  voting_days: 7\n";
    private GovernanceWorld _world = null!;

    private FakeGitHubServer GitHub => _world.GitHub;

    public async Task InitializeAsync()
    {
        _world = await GovernanceWorld.StartAsync(policy: Policy, roster: """
            people:
              - { github: chair-carla, region: EMEA }
              - { github: apac-ann, region: APAC }
              - { github: apac-dan, region: APAC }
            roles:
              chair:
                - { github: chair-carla, term: { start: 2025-01-01, end: 2030-01-01 } }
              tech_lead:
                - { github: lee, term: { start: 2024-01-01, end: 2030-01-01 } }
              member:
                - { github: apac-ann }
                - { github: apac-dan }
            emeritus: []

            """);
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    private IReadOnlyList<FakeComment> Results(int issue) =>
        [.. GitHub.Comments(Repo, issue).Where(c => Markers.IsElectionResult(c.Body))];

    private string Reply(int issue, long comment) =>
        Assert.Single(GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Reply(comment), StringComparison.Ordinal)).Body;

    private async Task<int> OpenWithSupportAsync()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.IdleAsync();
        await _world.CommentAsync(issue, "apac-ann", "/nominate");
        await _world.CommentAsync(issue, "apac-dan", "/support @apac-ann");
        await _world.IdleAsync();
        return issue;
    }

    [Fact]
    public async Task The_sweep_closes_the_election_at_its_voting_deadline_and_opens_the_roster_pull_request()
    {
        var issue = await OpenWithSupportAsync();
        await _world.SweepAsync();
        Assert.Empty(Results(issue));

        _world.Clock.Advance(TimeSpan.FromDays(7.1));
        await _world.SweepAsync();

        var result = Assert.Single(Results(issue)).Body;
        Assert.True(result.Contains("Closed at its voting deadline", StringComparison.Ordinal), result);
        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.Single(GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task A_command_after_its_phase_is_refused_with_the_dates()
    {
        var issue = await OpenWithSupportAsync();

        _world.Clock.Advance(TimeSpan.FromDays(4));
        var late = await _world.CommentAsync(issue, "apac-dan", "/nominate");
        await _world.IdleAsync();
        var reply = Reply(issue, late);
        Assert.True(reply.Contains("nominations closed at ", StringComparison.Ordinal) && reply.Contains("; voting closes at ", StringComparison.Ordinal), reply);
        Assert.Contains(" UTC", reply, StringComparison.Ordinal);

        _world.Clock.Advance(TimeSpan.FromDays(4));
        var after = await _world.CommentAsync(issue, "apac-dan", "/object @apac-ann changed my mind");
        await _world.IdleAsync();
        Assert.Contains("this election was closed at its voting deadline, ", Reply(issue, after), StringComparison.Ordinal);
        Assert.Single(Results(issue));
    }

    [Fact]
    public async Task Reopening_closes_the_roster_pull_request_and_the_next_close_posts_a_new_result_and_pull_request()
    {
        var issue = await OpenWithSupportAsync();
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        var first = Assert.Single(GitHub.PullRequests(Repo));
        Assert.Equal("open", first.State);

        await _world.CommentAsync(issue, "chair-carla", "/reopen-election closed before the APAC members could vote");
        await _world.IdleAsync();

        first = GitHub.PullRequest(Repo, first.Number);
        Assert.Equal("closed", first.State);
        Assert.Contains(GitHub.Comments(Repo, first.Number), c => c.Body.Contains("closed before the APAC members could vote", StringComparison.Ordinal));
        Assert.Contains("election/open", _world.Labels(issue));
        var status = Assert.Single(GitHub.Comments(Repo, issue), c => Markers.IsStatus(c.Body)).Body;
        Assert.True(status.Contains("**History:**", StringComparison.Ordinal) && status.Contains("reopened by @chair-carla", StringComparison.Ordinal), status);

        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        Assert.Equal(2, Results(issue).Count);
        var pulls = GitHub.PullRequests(Repo);
        Assert.Equal(2, pulls.Count);
        var second = Assert.Single(pulls, p => p.Number != first.Number);
        Assert.Equal($"tagbot/election-{issue}-r2", second.HeadRef);
        Assert.Equal("open", second.State);
    }

    [Fact]
    public async Task A_reopening_by_someone_who_is_not_a_chair_is_refused_and_the_result_stands()
    {
        var issue = await OpenWithSupportAsync();
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        var reopen = await _world.CommentAsync(issue, "apac-dan", "/reopen-election I was away");
        await _world.IdleAsync();

        Assert.Contains("only chairs", Reply(issue, reopen), StringComparison.Ordinal);
        Assert.Equal("open", Assert.Single(GitHub.PullRequests(Repo)).State);
    }
}

/// <summary>Quorum over HTTP: a close below it elects nobody and opens no roster pull request, and says why.</summary>
public sealed class ElectionQuorumTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await GovernanceWorld.StartAsync(policy: "elections:\n  quorum: 2/3\n");

    public async Task DisposeAsync()
    {
        Assert.Empty(_world.GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    /// <summary>member-mia stands, the positions are taken, and a chair closes.</summary>
    private async Task<int> CloseWithPositionsAsync(params (string Who, string Body)[] positions)
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.CommentAsync(issue, "member-mia", "/nominate");
        foreach (var (who, body) in positions)
        {
            await _world.CommentAsync(issue, who, body);
        }

        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();
        return issue;
    }

    [Fact]
    public async Task A_result_below_quorum_elects_nobody_and_opens_no_pull_request()
    {
        // The default roster's electorate: carla, lee, mia and max; 2/3 of 4 rounds up to 3.
        var issue = await CloseWithPositionsAsync(("member-max", "/support @member-mia"), ("chair-carla", "/support @member-mia"));

        Assert.Empty(_world.GitHub.PullRequests(Repo));
        var result = Assert.Single(_world.GitHub.Comments(Repo, issue), c => Markers.IsElectionResult(c.Body)).Body;
        Assert.True(result.Contains("**Below quorum: nobody is elected.** 2 of 4 voters took part (quorum `2/3`: 3 needed)", StringComparison.Ordinal), result);
        Assert.Contains("election/closed", _world.Labels(issue));
        Assert.Equal("open", _world.GitHub.Issue(Repo, issue).State);
    }

    [Fact]
    public async Task A_result_at_quorum_opens_the_roster_pull_request()
    {
        await CloseWithPositionsAsync(
            ("member-max", "/support @member-mia"), ("chair-carla", "/support @member-mia"), ("lead-lee", "/object @member-mia not yet"));

        Assert.Single(_world.GitHub.PullRequests(Repo));
    }
}

/// <summary><c>elections.close_when_decided</c> over HTTP: TagBot closes once nominations are closed and nobody left could change the result.</summary>
public sealed class ElectionSettlementTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await GovernanceWorld.StartAsync(policy: "elections:\n  nominations_days: 1\n  close_when_decided: true\n");

    public async Task DisposeAsync()
    {
        Assert.Empty(_world.GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task Once_nominations_are_closed_and_the_outcome_is_settled_TagBot_closes_and_opens_the_roster_pull_request()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.IdleAsync();
        await _world.CommentAsync(issue, "member-mia", "/nominate");
        await _world.CommentAsync(issue, "member-max", "/support @member-mia");
        await _world.IdleAsync();

        // Nominations still open: someone else could still stand.
        Assert.Empty(_world.GitHub.PullRequests(Repo));

        _world.Clock.Advance(TimeSpan.FromDays(1.1));
        await _world.SweepAsync();

        var result = Assert.Single(_world.GitHub.Comments(Repo, issue), c => Markers.IsElectionResult(c.Body)).Body;
        Assert.True(result.Contains("Closed by TagBot at ", StringComparison.Ordinal) && result.Contains("`elections.close_when_decided`", StringComparison.Ordinal), result);
        Assert.Single(_world.GitHub.PullRequests(Repo));
    }
}

/// <summary><c>elections.min_open_days</c> over HTTP: a close before the minimum is refused with the date, and accepted after it.</summary>
public sealed class MinimumOpenTimeTests : IAsyncLifetime
{
    private const string Repo = GovernanceWorld.Repo;
    private GovernanceWorld _world = null!;

    public async Task InitializeAsync() => _world = await GovernanceWorld.StartAsync(policy: "elections:\n  min_open_days: 2\n");

    public async Task DisposeAsync()
    {
        Assert.Empty(_world.GitHub.UnhandledErrors);
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_close_before_the_minimum_open_time_is_refused_with_the_date()
    {
        var issue = await _world.OpenIssueAsync("chair-carla", "Tech lead election", "nomination");
        await _world.IdleAsync();
        await _world.CommentAsync(issue, "member-mia", "/nominate");
        await _world.CommentAsync(issue, "member-max", "/support @member-mia");
        var early = await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        var reply = Assert.Single(_world.GitHub.Comments(Repo, issue), c => c.Body.StartsWith(Markers.Reply(early), StringComparison.Ordinal)).Body;
        Assert.True(reply.Contains("the election may close from ", StringComparison.Ordinal) && reply.Contains("`elections.min_open_days: 2`", StringComparison.Ordinal), reply);
        Assert.Empty(_world.GitHub.PullRequests(Repo));

        _world.Clock.Advance(TimeSpan.FromDays(2.1));
        await _world.CommentAsync(issue, "chair-carla", "/close-election");
        await _world.IdleAsync();

        Assert.Single(_world.GitHub.PullRequests(Repo));
    }
}
