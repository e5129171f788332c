using TagBot.Tests.Harness;
using Xunit.Abstractions;

namespace TagBot.Tests.Reconcile;

/// <summary>
/// One command comment costs the same few GitHub requests however long the debate: the comments are read from
/// the store's cache plus one delta read with <c>since</c>, and the repository's files (no policy file here) through
/// one root listing answered 304. Request counts do not depend on the machine, so they are asserted; the lines
/// printed are the figures in docs/performance.md.
/// </summary>
public sealed class CommentCostTests(ITestOutputHelper output)
{
    private const string Repo = GovernanceWorld.Repo;

    [Theory]
    [InlineData(10)]
    [InlineData(1_500)]
    [InlineData(10_000)]
    public async Task A_command_on_an_issue_with_many_comments_costs_at_most_six_requests_four_charged(int comments)
    {
        await using var world = await GovernanceWorld.StartAsync(policy: null);
        var issue = await world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        await world.IdleAsync();
        // A debate of weeks: one comment a minute before now (comments written in one second all come back with since=).
        var start = world.Clock.GetUtcNow().AddMinutes(-comments);
        for (var i = 0; i < comments - 2; i++)
        {
            world.GitHub.AddComment(Repo, issue, "someone-" + (i % 50), $"Comment {i}: I have thoughts.", start.AddMinutes(i));
        }

        // The first reconcile after the debate grew reads it all once (the cache was empty).
        await world.CommentAsync(issue, "member-mia", "/support");
        await world.IdleAsync(TimeSpan.FromMinutes(2));
        var firstRead = world.GitHub.Requests.Snapshot().Count(r => r.Path.EndsWith("/comments", StringComparison.Ordinal));
        Assert.Equal(comments, world.GitHub.Issue(Repo, issue).CommentCount);
        world.GitHub.Requests.Clear();

        await world.CommentAsync(issue, "member-max", "/support");
        await world.IdleAsync(TimeSpan.FromMinutes(2));

        var requests = world.GitHub.Requests.Snapshot().Where(r => r.Path.StartsWith($"repos/{Repo}", StringComparison.Ordinal)).ToList();
        var charged = requests.Count(r => !r.NotModified);
        output.WriteLine($"{comments} comments: {requests.Count} requests, {charged} charged ({firstRead} comment requests before, the first reading all)");
        foreach (var request in requests)
        {
            output.WriteLine($"  {request.Method} {request.PathAndQuery} -> {request.StatusCode}");
        }

        Assert.InRange(requests.Count, 1, 6);
        Assert.InRange(charged, 1, 4);
        Assert.DoesNotContain(requests, r => r.Path.Contains("/contents", StringComparison.Ordinal) && !r.NotModified);
        Assert.Contains(world.GitHub.Reactions(world.GitHub.Comments(Repo, issue)[^1].Id), r => r.Content == "+1");
    }

    [Fact]
    public async Task A_deleted_comment_is_known_from_its_delivery_and_costs_no_full_read()
    {
        await using var world = await GovernanceWorld.StartAsync(policy: null);
        var issue = await world.OpenIssueAsync("chair-carla", "Proposal", "proposal");
        var support = await world.CommentAsync(issue, "member-mia", "/support");
        await world.CommentAsync(issue, "member-max", "/support");
        await world.IdleAsync();
        var status = Status(world, issue);
        world.GitHub.Requests.Clear();

        await world.DeleteCommentAsync(issue, support, "member-mia");
        await world.IdleAsync();

        var reads = world.GitHub.Requests.Matching("GET", $"repos/{Repo}/issues/{issue}/comments");
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.Contains("since=", r.PathAndQuery, StringComparison.Ordinal));
        Assert.NotEqual(status, Status(world, issue)); // the tally lost a support
    }

    private static string Status(GovernanceWorld world, int issue) =>
        world.GitHub.Comments(Repo, issue).Single(c => c.Body.Contains("<!-- tagbot:status -->", StringComparison.Ordinal)).Body;
}
